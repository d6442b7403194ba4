import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKeyFiles } from '../../src/authserver/signing-keys.ts';
import { createProviderRoleStore } from '../../src/storage/provider-role.store.ts';
import { createUser, signIn } from '../console/support/console-client.ts';
import { startConsentry, type TestConsentry } from '../support/consentry.ts';
import { freePort } from '../support/ports.ts';
import { createTestSchema, postgresAvailable, type TestSchema } from '../support/postgres.ts';
import type { AuthFixture } from './fixture.ts';
import { authorize, authorizeUrl, json, pkce } from './user-flow.ts';

/**
 * Issue 14's state on SQLite and PostgreSQL: single-use steps have exactly one winner under
 * concurrency, and two instances on one database share everything — consent given on A, the code
 * redeemed and the refresh token rotated on B, reuse detected on A.
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
        Array.from({ length: 8 }, () => x.useRefreshToken(`r-${engine}`, now)),
      );
      expect(refreshWins.filter(Boolean)).toHaveLength(1);
      await x.revokeGrant(`g-${engine}`, 'test', now);
      expect(await x.refreshToken(`r-${engine}`)).toBeUndefined();
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
  });
}
