import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AuthServerOptions } from '../../src/authserver/auth-server.ts';
import { generateKeyFiles, type SigningAlg } from '../../src/authserver/signing-keys.ts';
import { startConsentry, type TestConsentry } from '../support/consentry.ts';

/**
 * A whole Consentry on loopback for the provider role: its own KEYS_DIR (a key generated unless
 * `keys: false`), a clock the test moves, and helpers to create applications and call endpoints.
 */
export interface AuthFixture {
  consentry: TestConsentry;
  baseUrl: string;
  keysDir: string;
  clock: { now: number; advance(seconds: number): void };
  createApp(
    input?: Partial<Parameters<TestConsentry['app']['authserver']['applications']['create']>[0]>,
  ): Promise<{
    clientId: string;
    clientSecret: string;
    id: string;
  }>;
  tokenRequest(
    form: Record<string, string>,
    init?: { basic?: [string, string]; headers?: Record<string, string>; query?: string },
  ): Promise<Response>;
  close(): Promise<void>;
}

export const basic = (id: string, secret: string) =>
  `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64')}`;

export async function authFixture(
  options: {
    keys?: SigningAlg | false;
    env?: Record<string, string>;
    listen?: boolean;
    authserver?: Partial<Pick<AuthServerOptions, 'limiter' | 'notifier'>>;
  } = {},
): Promise<AuthFixture> {
  const keysDir = join(mkdtempSync(join(tmpdir(), 'consentry-keys-')), 'keys');
  const clock = {
    now: Date.now(),
    advance(seconds: number) {
      clock.now += seconds * 1000;
    },
  };
  if (options.keys !== false)
    generateKeyFiles(keysDir, { alg: options.keys ?? 'ES256', now: new Date(clock.now - 1000) });
  const consentry = await startConsentry({
    env: { KEYS_DIR: keysDir, DEMO_PROVIDER: 'false', ...(options.env ?? {}) },
    listen: options.listen ?? true,
    authserver: { now: () => clock.now, ...(options.authserver ?? {}) },
  });
  const apps = consentry.app.authserver.applications;
  return {
    consentry,
    baseUrl: consentry.baseUrl,
    keysDir,
    clock,
    async createApp(input = {}) {
      const { application, clientSecret } = await apps.create({
        organization: 'Acme',
        name: 'Mobile app',
        ownerEmail: 'owner@example.test',
        audience: 'backend',
        scopes: ['participants:read', 'events:write'],
        ...input,
      });
      return { clientId: application.clientId, clientSecret: clientSecret ?? '', id: application.id };
    },
    tokenRequest(form, init = {}) {
      const headers: Record<string, string> = {
        'content-type': 'application/x-www-form-urlencoded',
        ...(init.basic ? { authorization: basic(...init.basic) } : {}),
        ...(init.headers ?? {}),
      };
      return fetch(`${consentry.baseUrl}/oauth2-token${init.query ?? ''}`, {
        method: 'POST',
        headers,
        body: new URLSearchParams(form).toString(),
      });
    },
    close: () => consentry.close(),
  };
}
