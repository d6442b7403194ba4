import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProviderInput } from '../../src/catalog/provider.ts';
import { SecretBox } from '../../src/secrets/secret-box.ts';
import { type CcOidc, ccProviderEntry, startCcOidc } from '../support/cc-oidc.ts';
import { startConsentry, type TestConsentry } from '../support/consentry.ts';
import { createTestSchema, type TestSchema } from '../support/postgres.ts';
import { enginesToTest, SCALE_PURPOSE } from './fixture.ts';
import { startWorker, type WorkerHandle } from './workers.ts';

/**
 * The lease for connections without a user (issue 16): 4 processes × 250 concurrent
 * `ensureFresh` on one expired client-credentials connection → exactly one client-credentials
 * token request at oidc-provider, one new token for all 1,000 callers, the connection active,
 * never needs_reauth for lack of a refresh token. SQLite (WAL, one file) and PostgreSQL.
 */
const ENGINES = await enginesToTest();
const PROCESSES = 4;
const CALLERS = 250;

for (const { engine, available } of ENGINES) {
  describe.skipIf(!available)(`client-credentials race on ${engine}`, () => {
    let remote: CcOidc;
    let a: TestConsentry;
    let schema: TestSchema | undefined;
    let dataDir: string;
    let workers: WorkerHandle[] = [];
    let clientRef: string;

    beforeAll(async () => {
      remote = await startCcOidc({
        clients: [{ clientId: 'scale-cc', clientSecret: 'scale-cc-secret', scope: 'api:read api:write' }],
        ttl: 3600,
      });
      dataDir = mkdtempSync(join(tmpdir(), 'consentry-cc-scale-'));
      const env: Record<string, string> = {
        PUBLIC_BASE_URL: 'http://127.0.0.1:9',
        DATA_DIR: dataDir,
        DEMO_PROVIDER: 'false',
        SECRET_BOX_KEY: SecretBox.generateKey().toString('base64'),
        BACKGROUND_REFRESH: 'false',
        LOG_LEVEL: 'warn',
      };
      if (engine === 'postgres') {
        schema = await createTestSchema('ccscale');
        env.DATABASE_URL = schema.url;
      }
      const provider = ccProviderEntry(remote.issuer) as ProviderInput;
      a = await startConsentry({
        listen: false,
        dataDir,
        env,
        consumers: [{ purpose: SCALE_PURPOSE, onTokenGranted: () => '/done' }],
        providers: [provider],
        ...(schema ? { schema: schema.schema } : {}),
      });
      clientRef = (
        await a.app.store.clients.create({
          providerKey: 'remote-cc',
          name: 'CC',
          clientId: 'scale-cc',
          clientSecret: 'scale-cc-secret',
        })
      ).id;
      workers = await Promise.all(
        Array.from({ length: PROCESSES }, (_, i) =>
          startWorker(
            { env, schema: schema?.schema, provider },
            { name: `${engine}-cc${i}`, leaseMs: 10_000, maxLeaseWaitMs: 30_000 },
          ),
        ),
      );
    }, 120_000);

    afterAll(async () => {
      await Promise.all(workers.map((w) => w.stop()));
      await a?.close({ keepData: true }).catch(() => {});
      await remote?.close();
      await schema?.drop();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    });

    it('one expired client-credentials connection: 4 × 250 callers → exactly one token request', async () => {
      const c = await a.app.client.connectClientCredentials({ client: clientRef, purpose: SCALE_PURPOSE });
      await a.app.database.db
        .updateTable('connections')
        .set({ expires_at: Date.now() - 1000 })
        .where('id', '=', c.id)
        .execute();
      const before = remote.counts.client_credentials;
      const results = workers.map((w) => w.next('race-result'));
      for (const w of workers) w.send({ type: 'race', ids: [c.id], callers: CALLERS });
      const all = await Promise.all(results);

      expect(all.flatMap((r) => r.errors)).toEqual([]);
      expect(all.reduce((n, r) => n + r.served, 0)).toBe(PROCESSES * CALLERS);
      expect(remote.counts.client_credentials - before).toBe(1);
      expect(new Set(all.flatMap((r) => r.tokens[c.id] ?? [])).size).toBe(1);
      const after = (await a.app.store.connections.get(c.id))!;
      expect(after).toMatchObject({
        status: 'active',
        version: c.version + 1,
        leaseOwner: undefined,
        failureCount: 0,
        hasRefreshToken: false,
        grantType: 'client_credentials',
      });
      expect(after.accessToken).not.toBe(c.accessToken);
      expect(after.expiresAt!.getTime()).toBeGreaterThan(Date.now() + 3000_000);
    }, 120_000);
  });
}
