import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKeyFiles } from '../../src/authserver/signing-keys.ts';
import { createProviderRoleStore } from '../../src/storage/provider-role.store.ts';
import { createUserRepository } from '../../src/storage/users.repository.ts';
import { createUser, signIn } from '../console/support/console-client.ts';
import { startConsentry, type TestConsentry } from '../support/consentry.ts';
import { freePort } from '../support/ports.ts';
import { createTestSchema, postgresAvailable, type TestSchema } from '../support/postgres.ts';
import type { AuthFixture } from './fixture.ts';
import { authorize, authorizeUrl, json, pkce } from './user-flow.ts';

/**
 * Issue 14's state on SQLite and PostgreSQL: single-use steps have exactly one winner under
 * concurrency, and two instances on one database share everything — consent given on A, the code
 * redeemed and the refresh token rotated on B, reuse detected on A. Rotation (the refresh grant's
 * hot path: one joined read, one atomic used-mark + successor) has one winner across instances.
 */
const pgUp = await postgresAvailable();

for (const engine of ['sqlite', 'postgres'] as const) {
  describe.skipIf(engine === 'postgres' && !pgUp)(`user grants on ${engine}, two instances`, () => {
    let a: TestConsentry;
    let b: TestConsentry;
    let schema: TestSchema | undefined;
    const dataDir = mkdtempSync(join(tmpdir(), 'consentry-grants-'));
    const keysDir = join(dataDir, 'keys');

    beforeAll(async () => {
      generateKeyFiles(keysDir, { alg: 'ES256', now: new Date(Date.now() - 1000) });
      const lb = `http://127.0.0.1:${await freePort()}`; // the load balancer's URL: one issuer
      const env: Record<string, string> = {
        PUBLIC_BASE_URL: lb,
        KEYS_DIR: keysDir,
        DEMO_PROVIDER: 'false',
        BACKGROUND_REFRESH: 'false',
        SECRET_BOX_KEY: randomBytes(32).toString('base64'),
      };
      if (engine === 'postgres') {
        schema = await createTestSchema('grants');
        env.DATABASE_URL = schema.url;
      }
      const options = { env, ...(schema ? { schema: schema.schema } : { dataDir }) };
      a = await startConsentry(options);
      b = await startConsentry(options);
    }, 90_000);
    afterAll(async () => {
      await a?.close();
      await b?.close();
      await schema?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    });

    // Requests go to each instance directly; the issuer is the shared public URL.
    const at = (t: TestConsentry) =>
      `http://127.0.0.1:${(t.app.server.server.address() as { port: number }).port}`;

    it('consent on A, code and refresh on B, reuse detected on A', async () => {
      const { application } = await a.app.authserver.applications.create({
        organization: 'CiviCRM Org',
        name: 'Staff app',
        ownerEmail: 'owner@example.org',
        scopes: ['participants:read'],
        clientType: 'public',
        redirectUris: ['http://127.0.0.1/cb'],
      });
      await createUser(a, 'ada@example.org', ['connect_accounts']);
      const jar = await signIn({ ...a, baseUrl: at(a) }, 'ada@example.org');
      const p = pkce();
      const fA = { baseUrl: at(a) } as AuthFixture;
      const { location } = await authorize(
        jar,
        authorizeUrl(fA, {
          response_type: 'code',
          client_id: application.clientId,
          redirect_uri: 'http://127.0.0.1:50001/cb',
          scope: 'participants:read',
          code_challenge: p.challenge,
          code_challenge_method: 'S256',
        }),
      );
      const token = (base: string, form: Record<string, string>) =>
        fetch(`${base}/oauth2-token`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ client_id: application.clientId, ...form }),
        });
      const first = await json(
        await token(at(b), {
          grant_type: 'authorization_code',
          code: location!.searchParams.get('code')!,
          code_verifier: p.verifier,
          redirect_uri: 'http://127.0.0.1:50001/cb',
        }),
      );
      expect(first.refresh_token).toBeDefined();
      const second = await json(
        await token(at(b), { grant_type: 'refresh_token', refresh_token: String(first.refresh_token) }),
      );
      expect(second.access_token).toBeDefined();
      const api = (base: string) =>
        fetch(`${base}/api/events/1/participants`, {
          headers: { authorization: `Bearer ${second.access_token}` },
        });
      expect((await api(at(a))).status).toBe(200);
      const reuse = await token(at(a), {
        grant_type: 'refresh_token',
        refresh_token: String(first.refresh_token),
      });
      expect((await json(reuse)).error).toBe('invalid_grant');
      expect((await api(at(b))).status).toBe(401);
    });

    it('single-use steps have exactly one winner under concurrency', async () => {
      const store = createProviderRoleStore(a.app.database);
      const now = Date.now();
      const x = store.authorizations;
      await x.insertCode(
        {
          codeHash: `c-${engine}`,
          clientId: 'app_x',
          userId: 'u',
          redirectUri: 'http://127.0.0.1/cb',
          codeChallenge: undefined,
          scopes: ['participants:read'],
          audience: 'aud',
          authTime: now,
          expiresAt: now + 60_000,
        },
        now,
      );
      const codeWins = await Promise.all(
        Array.from({ length: 8 }, (_, i) => x.useCode(`c-${engine}`, now, `g${i}`)),
      );
      expect(codeWins.filter(Boolean)).toHaveLength(1);
      await x.insertGrant({
        id: `g-${engine}`,
        applicationId: 'a',
        clientId: 'app_x',
        userId: 'u',
        scopes: ['participants:read'],
        audience: 'aud',
        authTime: now,
        createdAt: now,
      });
      await x.insertRefreshToken(`r-${engine}`, `g-${engine}`, now + 60_000, now);
      const refreshWins = await Promise.all(
        Array.from({ length: 8 }, () =>
          x.useRefreshToken({ grantId: `g-${engine}`, tokenHash: `r-${engine}` }, now),
        ),
      );
      expect(refreshWins.filter(Boolean)).toHaveLength(1);
      await x.revokeGrant(`g-${engine}`, 'test', now);
      expect(await x.refreshToken({ grantId: `g-${engine}`, tokenHash: `r-${engine}` })).toBeUndefined();
      expect((await x.grant(`g-${engine}`))?.revokedReason).toBe('test');

      await x.insertDevice(
        {
          deviceCodeHash: `d-${engine}`,
          userCode: `BCDFGHJ${engine === 'sqlite' ? 'K' : 'L'}`,
          clientId: 'app_x',
          scopes: [],
          audience: 'aud',
          intervalSeconds: 5,
          expiresAt: now + 60_000,
        },
        now,
      );
      const decided = await Promise.all(
        Array.from({ length: 4 }, (_, i) =>
          x.decideDevice(`BCDFGHJ${engine === 'sqlite' ? 'K' : 'L'}`, {
            status: i % 2 ? 'denied' : 'approved',
            userId: 'u',
            authTime: now,
          }),
        ),
      );
      expect(decided.filter(Boolean)).toHaveLength(1);
    });

    it('rotation: one joined read, then exactly one winner across two instances', async () => {
      const [x, y] = [createProviderRoleStore(a.app.database), createProviderRoleStore(b.app.database)];
      const now = Date.now();
      const user = await a.app.console.users.create({
        email: `rotation-${engine}@example.org`,
        password: randomBytes(12).toString('hex'),
        permissions: [],
      });
      const grant = {
        id: `rot-${engine}`,
        applicationId: 'a',
        clientId: 'app_x',
        userId: user.id,
        scopes: ['participants:read', 'events:read'],
        audience: 'aud',
        authTime: now - 5_000,
        createdAt: now,
      };
      await x.authorizations.insertGrant(grant);
      await x.authorizations.insertRefreshToken(`rot-0-${engine}`, grant.id, now + 60_000, now);
      const key = (tokenHash: string) => ({ grantId: grant.id, tokenHash });
      expect(await y.authorizations.refreshTokenContext(key(`rot-0-${engine}`))).toEqual({
        token: { grantId: grant.id, expiresAt: now + 60_000, usedAt: undefined },
        grant: { ...grant, revokedAt: undefined, revokedReason: undefined },
        userActive: true,
      });
      expect(await y.authorizations.refreshTokenContext(key('no-such-token'))).toBeUndefined();
      // Only under its own grant: the same hash named with another grant id finds nothing.
      expect(
        await y.authorizations.refreshTokenContext({ grantId: 'other', tokenHash: `rot-0-${engine}` }),
      ).toBeUndefined();

      // Eight rotations of the same token at once, from both instances: one successor stored.
      const wins = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          (i % 2 ? y : x).authorizations.rotateRefreshToken(
            key(`rot-0-${engine}`),
            { tokenHash: `rot-next-${i}-${engine}`, grantId: grant.id, expiresAt: now + 120_000 },
            now + 1,
          ),
        ),
      );
      expect(wins.filter(Boolean)).toHaveLength(1);
      const winner = wins.indexOf(true);
      expect((await x.authorizations.refreshTokenContext(key(`rot-0-${engine}`)))?.token.usedAt).toBe(
        now + 1,
      );
      for (let i = 0; i < 8; i++) {
        const next = await y.authorizations.refreshToken(key(`rot-next-${i}-${engine}`));
        if (i === winner)
          expect(next).toEqual({ grantId: grant.id, expiresAt: now + 120_000, usedAt: undefined });
        else expect(next).toBeUndefined();
      }

      // A disabled user shows in the same read.
      await createUserRepository(a.app.database.db).update(user.id, { disabled: true });
      expect(
        (await x.authorizations.refreshTokenContext(key(`rot-next-${winner}-${engine}`)))?.userActive,
      ).toBe(false);
    });

    it.skipIf(engine !== 'sqlite')(
      'rotation waits for an open Kysely transaction instead of joining it (sqlite)',
      async () => {
        const x = createProviderRoleStore(a.app.database).authorizations;
        const now = Date.now();
        await x.insertGrant({
          id: 'trx-grant',
          applicationId: 'a',
          clientId: 'app_x',
          userId: 'u',
          scopes: [],
          audience: 'aud',
          authTime: now,
          createdAt: now,
        });
        await x.insertRefreshToken('trx-0', 'trx-grant', now + 60_000, now);
        let release!: () => void;
        const held = new Promise<void>((r) => {
          release = r;
        });
        let rotation: Promise<boolean> | undefined;
        let settledInside = false;
        // A transaction that is rolled back: had the rotation joined it, it would be undone too.
        await a.app.database.db
          .transaction()
          .execute(async (trx) => {
            await trx
              .updateTable('oauth_grants')
              .set({ scopes: 'x' })
              .where('id', '=', 'trx-grant')
              .execute();
            rotation = x.rotateRefreshToken(
              { grantId: 'trx-grant', tokenHash: 'trx-0' },
              { tokenHash: 'trx-1', grantId: 'trx-grant', expiresAt: now + 60_000 },
              now,
            );
            void rotation.then(() => {
              settledInside = true;
            });
            setTimeout(release, 50);
            await held;
            throw new Error('roll back');
          })
          .catch(() => undefined);
        expect(settledInside).toBe(false);
        expect(await rotation).toBe(true);
        expect((await x.grant('trx-grant'))?.scopes).toEqual([]);
        expect((await x.refreshToken({ grantId: 'trx-grant', tokenHash: 'trx-0' }))?.usedAt).toBe(now);
        expect(await x.refreshToken({ grantId: 'trx-grant', tokenHash: 'trx-1' })).toEqual({
          grantId: 'trx-grant',
          expiresAt: now + 60_000,
          usedAt: undefined,
        });
      },
    );
  });
}
