import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Migrator, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKeyFiles } from '../../src/authserver/signing-keys.ts';
import { migrateToLatest } from '../../src/storage/database.ts';
import { migrationProvider } from '../../src/storage/migrations/index.ts';
import { createProviderRoleStore } from '../../src/storage/provider-role.store.ts';
import { startConsentry, type TestConsentry } from '../support/consentry.ts';
import { createTestSchema, postgresAvailable, type TestSchema } from '../support/postgres.ts';

/**
 * Migration 0019 keys refresh tokens by (grant, hash) and puts the grant id in front of new
 * tokens. Tokens issued before it (bare base64url, written by 0013's table) must stay usable,
 * rotate into the new form, and — once used — still be recognised as reuse (RFC 9700 §4.14.2).
 * The database is taken back to 0017 (0019's `down`), given 0013-shaped rows, then migrated.
 */
const pgUp = await postgresAvailable();

for (const engine of ['sqlite', 'postgres'] as const) {
  describe.skipIf(engine === 'postgres' && !pgUp)(`refresh tokens across migration 0019 on ${engine}`, () => {
    let c: TestConsentry;
    let schema: TestSchema | undefined;
    let clientId = '';
    const dataDir = mkdtempSync(join(tmpdir(), 'consentry-rt-migration-'));
    const legacy = () => randomBytes(32).toString('base64url');
    const [g1, g2] = [randomUUID(), randomUUID()];
    const [l1, l2, l0] = [legacy(), legacy(), legacy()];

    beforeAll(async () => {
      const keysDir = join(dataDir, 'keys');
      generateKeyFiles(keysDir, { alg: 'ES256', now: new Date(Date.now() - 1000) });
      const env: Record<string, string> = {
        KEYS_DIR: keysDir,
        DEMO_PROVIDER: 'false',
        BACKGROUND_REFRESH: 'false',
      };
      if (engine === 'postgres') {
        schema = await createTestSchema('rtmig');
        env.DATABASE_URL = schema.url;
      }
      c = await startConsentry({ env, ...(schema ? { schema: schema.schema } : { dataDir }) });
      const { application } = await c.app.authserver.applications.create({
        organization: 'Org',
        name: 'Native',
        ownerEmail: 'owner@example.org',
        scopes: ['participants:read'],
        clientType: 'public',
        redirectUris: ['http://127.0.0.1/cb'],
      });
      clientId = application.clientId;
      const user = await c.app.console.users.create({
        email: `rt-${engine}@example.org`,
        password: randomBytes(12).toString('hex'),
        permissions: [],
      });
      const store = createProviderRoleStore(c.app.database).authorizations;
      const now = Date.now();
      for (const id of [g1, g2])
        await store.insertGrant({
          id,
          applicationId: application.id,
          clientId,
          userId: user.id,
          scopes: ['participants:read'],
          audience: c.app.authserver.audiences.backend,
          authTime: now,
          createdAt: now,
        });

      // Back to 0017: 0013's table, keyed by hash alone; rows as 0013's code wrote them.
      const db = c.app.database.db;
      const { error } = await new Migrator({ db, provider: migrationProvider }).migrateTo(
        '0017-connection-grants',
      );
      if (error) throw error;
      const hash = (t: string) => createHash('sha256').update(t).digest('hex');
      for (const [token, grant, used] of [
        [l1, g1, null],
        [l2, g2, null],
        [l0, g2, now - 1000],
      ] as const)
        await sql`insert into oauth_refresh_tokens (token_hash, grant_id, expires_at, used_at, created_at)
          values (${hash(token)}, ${grant}, ${now + 86_400_000}, ${used}, ${now - 5000})`.execute(db);
      expect(await migrateToLatest(db)).toEqual(['0019-refresh-token-chains']);
    }, 90_000);
    afterAll(async () => {
      await c?.close();
      await schema?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    });

    const refresh = async (token: string) => {
      const res = await fetch(`${c.baseUrl}/oauth2-token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'refresh_token', client_id: clientId, refresh_token: token }),
      });
      return { status: res.status, body: (await res.json()) as Record<string, string> };
    };
    const rows = async (table: 'oauth_refresh_tokens' | 'oauth_legacy_refresh_tokens', grant: string) =>
      (await c.app.database.db.selectFrom(table).select('grant_id').where('grant_id', '=', grant).execute())
        .length;

    it('an old token rotates into the new form; its reuse revokes the grant', async () => {
      const first = await refresh(l1);
      expect(first.status).toBe(200);
      expect(first.body.refresh_token).toMatch(new RegExp(`^${g1}~[A-Za-z0-9_-]{43}$`));
      const second = await refresh(first.body.refresh_token!);
      expect(second.status).toBe(200);
      // The grant id in front is bound to the token: under another grant's id it is nothing.
      const secret = second.body.refresh_token!.split('~')[1];
      expect((await refresh(`${g2}~${secret}`)).body.error).toBe('invalid_grant');

      const reuse = await refresh(l1);
      expect(reuse).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
      expect(reuse.body.error_description).toMatch(/already used/);
      expect((await refresh(second.body.refresh_token!)).body.error).toBe('invalid_grant');
      expect(await rows('oauth_refresh_tokens', g1)).toBe(0);
      expect(await rows('oauth_legacy_refresh_tokens', g1)).toBe(0);
    });

    it('a token used before the migration is still recognised as reuse', async () => {
      // The other grant was untouched by the first test: its unused old token works …
      const fresh = await refresh(l2);
      expect(fresh.status).toBe(200);
      // … and its token used before the migration revokes it.
      const reuse = await refresh(l0);
      expect(reuse).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
      expect(reuse.body.error_description).toMatch(/already used/);
      expect((await refresh(fresh.body.refresh_token!)).body.error).toBe('invalid_grant');
    });
  });
}
