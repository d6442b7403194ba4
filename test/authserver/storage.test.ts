import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApplicationService } from '../../src/authserver/applications.ts';
import { hashClientSecret, secretMatches } from '../../src/authserver/client-secret.ts';
import { generateKeyFiles } from '../../src/authserver/signing-keys.ts';
import { type DatabaseHandle, migrateToLatest, openDatabase } from '../../src/storage/database.ts';
import { createProviderRoleStore } from '../../src/storage/provider-role.store.ts';
import { startConsentry } from '../support/consentry.ts';
import { createTestSchema, postgresAvailable, type TestSchema } from '../support/postgres.ts';
import { basic } from './fixture.ts';

/** The provider role's repositories, one suite on SQLite and on PostgreSQL. */
const notifier = {
  applicationCreated: async (a: { ownerEmail: string }) => ({
    sent: false as const,
    to: a.ownerEmail,
    reason: 'test',
  }),
};
const pgUp = await postgresAvailable();

for (const dialect of ['sqlite', 'postgres'] as const) {
  describe.skipIf(dialect === 'postgres' && !pgUp)(`provider-role storage on ${dialect}`, () => {
    let handle: DatabaseHandle;
    let schema: TestSchema | undefined;
    let dir: string | undefined;
    beforeAll(async () => {
      if (dialect === 'postgres') {
        schema = await createTestSchema('authserver');
        handle = openDatabase({ databaseUrl: schema.url, sqliteFile: '', schema: schema.schema });
      } else {
        dir = mkdtempSync(join(tmpdir(), 'consentry-authstore-'));
        handle = openDatabase({ sqliteFile: join(dir, 'db.sqlite') });
      }
      await migrateToLatest(handle.db);
    });
    afterAll(async () => {
      await handle?.close();
      await schema?.drop();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it('creates, filters (literal % and _), edits, rotates, deactivates, deletes', async () => {
      const store = createProviderRoleStore(handle);
      const service = new ApplicationService(store, notifier);
      const a = await service.create({
        organization: 'Acme',
        name: '100% scanner_1',
        ownerEmail: 'a@example.org',
        scopes: 'x y',
      });
      await service.create({ organization: 'Acme', name: '100 scanners', ownerEmail: 'b@example.org' });
      await service.create({
        organization: 'Beta',
        name: 'Kiosk',
        ownerEmail: 'c@example.org',
        active: false,
      });

      expect((await service.list({ name: '100%' })).map((x) => x.name)).toEqual(['100% scanner_1']);
      expect((await service.list({ name: 'R_1' })).map((x) => x.name)).toEqual(['100% scanner_1']);
      expect((await service.list({ organization: 'Acme' })).length).toBe(2);
      expect((await service.list({ status: 'inactive' })).map((x) => x.name)).toEqual(['Kiosk']);
      const beta = (await service.organizations()).find((o) => o.name === 'Beta')!;
      expect((await service.list({ organization: beta.id })).map((x) => x.name)).toEqual(['Kiosk']);

      const creds = await store.applications.credentials(a.application.clientId);
      expect(secretMatches(a.clientSecret!, creds!.secretHash)).toBe(true);
      expect(creds!.secretHash).toBe(hashClientSecret(a.clientSecret!));
      expect(JSON.stringify(await service.get(a.application.id))).not.toContain(creds!.secretHash);

      const updated = await service.update(a.application.clientId, {
        organization: 'Gamma',
        scopes: 'z',
        tokenLifetimeSeconds: '120',
      });
      expect(updated).toMatchObject({ organizationName: 'Gamma', scopes: ['z'], tokenLifetimeSeconds: 120 });

      const cutoff = new Date(Date.now() + 60_000);
      const rotated = await service.rotateSecret(a.application.id, { oldSecretValidUntil: cutoff });
      const after = await store.applications.credentials(a.application.clientId);
      expect(after!.previousSecretHash).toBe(creds!.secretHash);
      expect(after!.previousSecretValidUntil).toBe(cutoff.getTime());
      expect(secretMatches(rotated.clientSecret, after!.secretHash)).toBe(true);

      const off = await service.deactivate(a.application.id);
      expect(off.active).toBe(false);
      expect(off.tokensValidFrom).toBeInstanceOf(Date);
      expect((await service.activate(a.application.id)).tokensValidFrom).toEqual(off.tokensValidFrom);
      await service.delete(a.application.id);
      await expect(service.get(a.application.id)).rejects.toMatchObject({ code: 'APPLICATION_UNKNOWN' });
      await expect(
        service.create({
          organization: 'Acme',
          name: 'x',
          ownerEmail: 'x@example.org',
          tokenLifetimeSeconds: 999_999,
        }),
      ).rejects.toMatchObject({ code: 'APPLICATION_INVALID' });
      await expect(
        service.create({ organization: 'Acme', name: 'x', ownerEmail: 'x@example.org', scopes: 'bad"scope' }),
      ).rejects.toMatchObject({ code: 'APPLICATION_INVALID' });
    });

    it('the whole token path runs on this database', async () => {
      const keysDir = join(mkdtempSync(join(tmpdir(), 'consentry-authstore-keys-')), 'keys');
      generateKeyFiles(keysDir, { alg: 'ES256', now: new Date(Date.now() - 1000) });
      const t = await startConsentry({
        env: { KEYS_DIR: keysDir, DEMO_PROVIDER: 'false', ...(schema ? { DATABASE_URL: schema.url } : {}) },
        ...(schema ? { schema: schema.schema } : {}),
      });
      try {
        const { application, clientSecret } = await t.app.authserver.applications.create({
          organization: 'Acme',
          name: 'e2e',
          ownerEmail: 'e@example.org',
          scopes: 'participants:read',
        });
        const res = await fetch(`${t.baseUrl}/oauth2-token`, {
          method: 'POST',
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            authorization: basic(application.clientId, clientSecret!),
          },
          body: 'grant_type=client_credentials',
        });
        const { access_token } = (await res.json()) as { access_token: string };
        const call = () =>
          fetch(`${t.baseUrl}/api/events/1/participants`, {
            headers: { authorization: `Bearer ${access_token}` },
          });
        expect((await call()).status).toBe(200);
        await t.app.authserver.applications.deactivate(application.id);
        expect((await call()).status).toBe(401);
      } finally {
        await t.close();
        rmSync(join(keysDir, '..'), { recursive: true, force: true });
      }
    });

    it('revoked tokens: idempotent, checked by jti, swept after expiry', async () => {
      const store = createProviderRoleStore(handle);
      const now = new Date();
      await store.revokedTokens.revoke('jti-1', 'app_x', new Date(now.getTime() + 1000), now);
      await store.revokedTokens.revoke('jti-1', 'app_x', new Date(now.getTime() + 1000), now);
      expect(await store.revokedTokens.isRevoked('jti-1')).toBe(true);
      expect(await store.revokedTokens.isRevoked('jti-2')).toBe(false);
      expect(await store.revokedTokens.deleteExpired(new Date(now.getTime() + 2000))).toBe(1);
      expect(await store.revokedTokens.isRevoked('jti-1')).toBe(false);
    });
  });
}
