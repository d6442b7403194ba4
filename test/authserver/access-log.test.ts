import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { generateKeyFiles } from '../../src/authserver/signing-keys.ts';
import { createLogger } from '../../src/logger.ts';
import { startConsentry, type TestConsentry } from '../support/consentry.ts';
import { basic } from './fixture.ts';

/**
 * The machine-to-machine endpoints write no per-request access line at the default level (info):
 * at thousands of tokens per second those lines cost as much as the signatures. Other routes keep
 * theirs, and at debug the token endpoint's come back.
 */
let t: TestConsentry | undefined;
let keysDir: string | undefined;
afterEach(async () => {
  await t?.close();
  if (keysDir) rmSync(keysDir, { recursive: true, force: true });
  t = undefined;
});

async function linesAt(level: 'info' | 'debug'): Promise<string[]> {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _enc, cb) {
      lines.push(String(chunk));
      cb();
    },
  });
  keysDir = mkdtempSync(join(tmpdir(), 'consentry-accesslog-'));
  generateKeyFiles(keysDir, { alg: 'ES256', now: new Date(Date.now() - 1000) });
  t = await startConsentry({
    listen: false,
    env: { KEYS_DIR: keysDir, DEMO_PROVIDER: 'false', LOG_LEVEL: level },
    logger: createLogger({ level, destination }),
  });
  const { application, clientSecret } = await t.app.authserver.applications.create({
    organization: 'Acme',
    name: 'quiet',
    ownerEmail: 'owner@example.test',
  });
  lines.length = 0;
  const token = await t.app.server.inject({
    method: 'POST',
    url: '/oauth2-token',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: basic(application.clientId, clientSecret!),
    },
    payload: 'grant_type=client_credentials',
  });
  expect(token.statusCode).toBe(200);
  expect((await t.app.server.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
  return lines;
}

describe('access lines of the token endpoint', () => {
  it('are not written at info; other routes keep theirs', async () => {
    const lines = await linesAt('info');
    expect(lines.some((l) => l.includes('/healthz'))).toBe(true);
    expect(lines.filter((l) => l.includes('/oauth2-token'))).toEqual([]);
    // The request after the token request still has its "request completed" line.
    expect(lines.filter((l) => l.includes('request completed')).length).toBe(1);
  });

  it('come back at debug', async () => {
    const lines = await linesAt('debug');
    expect(lines.some((l) => l.includes('/oauth2-token'))).toBe(true);
  });
});
