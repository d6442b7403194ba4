import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openCore } from '../../src/app-core.ts';
import { loadConfig } from '../../src/config/config.ts';
import { cli } from './support.ts';

/**
 * `connections list|show` never print a token (issue 15 changed how they read and print): not
 * the tokens themselves (the listing no longer reads them), and not a token a provider echoed
 * into the stored error or the refusal's evidence — raw, after `Bearer`, or inside an XOAUTH2
 * base64 string.
 */
const ACCESS = 'ya29.LIST-SENTINEL-access-7Qx9';
const REFRESH = '1//LIST-SENTINEL-refresh-3Kq';
const XOAUTH2 = Buffer.from(`user=erin@example.org\x01auth=Bearer ${ACCESS}\x01\x01`).toString('base64');

describe('connections list|show print no token', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'consentry-cli-secrets-'));
  const env = { DATA_DIR: dataDir, PUBLIC_BASE_URL: 'http://127.0.0.1:1', DEMO_PROVIDER: 'false' };
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('with the token echoed in the last error and the evidence', async () => {
    const core = await openCore(loadConfig(env, { server: true }));
    let id: string;
    try {
      const client = await core.store.clients.create({
        providerKey: 'google',
        name: 'Secrets',
        clientId: 'secrets.apps.googleusercontent.com',
        clientSecret: 'secrets-client-secret',
      });
      const now = new Date();
      const c = await core.store.connections.insert(
        {
          clientRef: client.id,
          providerKey: 'google',
          purpose: 'console',
          payload: {},
          account: 'erin@example.org',
          subject: 'erin',
          issuer: 'https://accounts.google.com',
          accessToken: ACCESS,
          refreshToken: REFRESH,
          tokenType: 'bearer',
          scopes: ['openid', 'email'],
          expiresAt: new Date(now.getTime() + 3600_000),
        },
        now,
      );
      id = c.id;
      await core.store.connections.tryAcquireLease(id, 'test', new Date(now.getTime() + 30_000), now);
      await core.store.connections.recordFailure(
        id,
        'test',
        {
          error: `PROVIDER_UNAVAILABLE: 401 Authorization: Bearer ${ACCESS}`,
          nextAttemptAt: new Date(now.getTime() + 60_000),
          health: {
            cause: 'provider_unavailable',
            evidence: {
              provider: 'google',
              stage: 'refresh',
              status: 503,
              description: `echo ${XOAUTH2}`,
              at: now.toISOString(),
              attempts: 1,
            },
          },
        },
        now,
      );
    } finally {
      await core.database.close();
    }
    const runs = await Promise.all([
      cli(['connections', 'list', '--json'], env),
      cli(['connections', 'list'], env),
      cli(['connections', 'show', id, '--json'], env),
    ]);
    for (const run of runs) {
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toContain(id);
      for (const secret of [ACCESS, REFRESH, XOAUTH2, 'SENTINEL'])
        expect(run.stdout + run.stderr).not.toContain(secret);
    }
    const [listed] = JSON.parse(runs[0]!.stdout) as {
      lastError: string;
      evidence: { description: string };
    }[];
    expect(listed?.lastError).toBe('PROVIDER_UNAVAILABLE: 401 Authorization: Bearer [redacted]');
    expect(listed?.evidence.description).toBe('echo [redacted]');
  }, 60_000);
});
