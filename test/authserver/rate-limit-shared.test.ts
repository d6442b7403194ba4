import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FailureLimiter } from '../../src/authserver/failure-limiter.ts';
import { generateKeyFiles } from '../../src/authserver/signing-keys.ts';
import { type DatabaseHandle, migrateToLatest, openDatabase } from '../../src/storage/database.ts';
import type { AuthFailureRepository } from '../../src/storage/provider-role.ports.ts';
import { createProviderRoleStore } from '../../src/storage/provider-role.store.ts';
import { startConsentry, type TestConsentry } from '../support/consentry.ts';
import { createTestSchema, postgresAvailable, type TestSchema } from '../support/postgres.ts';
import { basic } from './fixture.ts';

/**
 * The failed-authentication counts live in the database: two app instances on one SQLite file or
 * one PostgreSQL schema count together, refuse together, and see windows end together.
 */
const pgUp = await postgresAvailable();

for (const dialect of ['sqlite', 'postgres'] as const) {
  describe.skipIf(dialect === 'postgres' && !pgUp)(`shared failure counts on ${dialect}`, () => {
    const clock = { now: Date.now() };
    let dir: string;
    let schema: TestSchema | undefined;
    let a: TestConsentry;
    let b: TestConsentry;

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'consentry-ratelimit-'));
      generateKeyFiles(join(dir, 'keys'), { alg: 'ES256', now: new Date(clock.now - 1000) });
      if (dialect === 'postgres') schema = await createTestSchema('ratelimit');
      const start = () =>
        startConsentry({
          dataDir: join(dir, 'data'),
          listen: false,
          env: {
            KEYS_DIR: join(dir, 'keys'),
            DEMO_PROVIDER: 'false',
            BACKGROUND_REFRESH: 'false',
            ...(schema ? { DATABASE_URL: schema.url } : {}),
          },
          ...(schema ? { schema: schema.schema } : {}),
          authserver: {
            now: () => clock.now,
            limiter: {
              perClientAddress: { limit: 3, windowMs: 60_000 },
              perAddress: { limit: 6, windowMs: 60_000 },
              // The test syncs by hand, so what each instance knows is decided here, not by a timer.
              syncIntervalMs: 3_600_000,
            },
          },
        });
      a = await start();
      b = await start();
    });
    afterAll(async () => {
      await a?.close();
      await b?.close();
      await schema?.drop();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    const post = (t: TestConsentry, address: string, clientId: string, secret: string) =>
      t.app.server
        .inject({
          method: 'POST',
          url: '/oauth2-token',
          remoteAddress: address,
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            authorization: basic(clientId, secret),
          },
          payload: 'grant_type=client_credentials',
        })
        .then((r) => r.statusCode);
    const createApp = async (name: string) => {
      const { application, clientSecret } = await a.app.authserver.applications.create({
        organization: 'Acme',
        name,
        ownerEmail: 'owner@example.test',
      });
      return { id: application.clientId, secret: clientSecret! };
    };

    it('counts failures across instances, locks the pair and the address only, windows end', async () => {
      const victim = await createApp('victim');
      const bystander = await createApp('bystander');
      const attacker = '10.1.0.66';

      // Three failures spread over both instances spend the pair's budget (3).
      expect(await post(a, attacker, victim.id, 'guess-1')).toBe(401);
      expect(await post(b, attacker, victim.id, 'guess-2')).toBe(401);
      expect(await post(a, attacker, victim.id, 'guess-3')).toBe(401);
      // Either instance now refuses the pair, wrong or right secret.
      expect(await post(b, attacker, victim.id, 'guess-4')).toBe(429);
      expect(await post(a, attacker, victim.id, victim.secret)).toBe(429);
      expect(await post(b, attacker, victim.id, victim.secret)).toBe(429);

      // Nobody else is locked out: the victim elsewhere, another client from the same address.
      expect(await post(a, '10.1.0.7', victim.id, victim.secret)).toBe(200);
      expect(await post(b, '10.1.0.7', victim.id, victim.secret)).toBe(200);
      expect(await post(a, attacker, bystander.id, bystander.secret)).toBe(200);

      // Spraying client ids from the address on both instances spends the address budget (6).
      expect(await post(b, attacker, 'app_sprayed1', 'x')).toBe(401);
      expect(await post(a, attacker, 'app_sprayed2', 'x')).toBe(401);
      expect(await post(b, attacker, 'app_sprayed3', 'x')).toBe(429);
      expect(await post(a, attacker, bystander.id, bystander.secret)).toBe(429);
      expect(await post(b, attacker, bystander.id, bystander.secret)).toBe(429);
      expect(await post(b, '10.1.0.8', bystander.id, bystander.secret)).toBe(200);

      // The windows end for both instances at once.
      clock.now += 61_000;
      expect(await post(b, attacker, bystander.id, bystander.secret)).toBe(200);
      expect(await post(a, attacker, victim.id, victim.secret)).toBe(200);
      expect(await post(a, attacker, victim.id, 'guess-5')).toBe(401);
    });

    it('an instance that saw no failure learns a spent budget at its next sync', async () => {
      const app = await createApp('synced');
      const address = '10.2.0.1';
      for (let i = 0; i < 3; i++) expect(await post(a, address, app.id, `wrong-${i}`)).toBe(401);
      expect(await post(a, address, app.id, app.secret)).toBe(429);
      await b.app.authserver.limiter.sync();
      expect(await post(b, address, app.id, app.secret)).toBe(429);
    });

    it('a success on one instance clears the pair for the other', async () => {
      const app = await createApp('forgetful');
      const address = '10.3.0.1';
      expect(await post(a, address, app.id, 'wrong')).toBe(401);
      expect(await post(a, address, app.id, 'wrong')).toBe(401);
      expect(await post(a, address, app.id, app.secret)).toBe(200);
      // Without the clear these would be failures 3 and 4, and the fourth would be refused.
      expect(await post(b, address, app.id, 'wrong')).toBe(401);
      expect(await post(b, address, app.id, 'wrong')).toBe(401);
      expect(await post(b, address, app.id, app.secret)).toBe(200);
    });
  });

  describe.skipIf(dialect === 'postgres' && !pgUp)(`auth_failures repository on ${dialect}`, () => {
    let dir: string | undefined;
    let schema: TestSchema | undefined;
    const handles: DatabaseHandle[] = [];
    beforeAll(async () => {
      // Two handles on one database, as two instances would have.
      if (dialect === 'postgres') {
        schema = await createTestSchema('authfail');
        for (let i = 0; i < 2; i++)
          handles.push(openDatabase({ databaseUrl: schema.url, sqliteFile: '', schema: schema.schema }));
      } else {
        dir = mkdtempSync(join(tmpdir(), 'consentry-authfail-'));
        for (let i = 0; i < 2; i++) handles.push(openDatabase({ sqliteFile: join(dir, 'db.sqlite') }));
      }
      await migrateToLatest(handles[0]!.db);
    });
    afterAll(async () => {
      for (const h of handles) await h.close();
      await schema?.drop();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it('concurrent failures from two connections are all counted; ended windows restart and are swept', async () => {
      const [one, two] = handles.map((h) => createProviderRoleStore(h).authFailures);
      const now = 1_700_000_000_000;
      const budgets = [
        { key: 'k-pair', windowMs: 10_000 },
        { key: 'k-address', windowMs: 20_000 },
      ];
      await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 ? one! : two!).record(budgets, now)));
      const counted = await one!.read(['k-pair', 'k-address', 'k-none'], now + 100);
      expect(counted.sort((x, y) => x.key.localeCompare(y.key))).toEqual([
        { key: 'k-address', failures: 40, windowEndsAt: now + 20_000 },
        { key: 'k-pair', failures: 40, windowEndsAt: now + 10_000 },
      ]);
      expect((await two!.atLeast(40, now + 100, 10)).length).toBe(2);
      expect((await two!.atLeast(41, now + 100, 10)).length).toBe(0);

      // After its end, a window is invisible, and the next failure starts a new one at 1.
      expect(await one!.read(['k-pair'], now + 10_000)).toEqual([]);
      const [restarted] = await two!.record([{ key: 'k-pair', windowMs: 10_000 }], now + 15_000);
      expect(restarted).toEqual({ key: 'k-pair', failures: 1, windowEndsAt: now + 25_000 });

      expect(await one!.deleteEnded(now + 20_000)).toBe(1); // k-address
      await one!.clear('k-pair');
      expect(await two!.read(['k-pair', 'k-address'], now)).toEqual([]);
    });

    it('a success does no I/O unless this instance saw failures for its pair or address', async () => {
      const real = createProviderRoleStore(handles[0]!).authFailures;
      const calls: string[] = [];
      const counting = Object.fromEntries(
        Object.entries(real).map(([name, fn]) => [
          name,
          (...args: unknown[]) => {
            calls.push(name);
            return (fn as (...a: unknown[]) => unknown)(...args);
          },
        ]),
      ) as unknown as AuthFailureRepository;
      const limiter = new FailureLimiter(counting, { perClientAddress: { limit: 2, windowMs: 60_000 } });
      const now = Date.now();
      expect(limiter.knownRetryAfter('app_1', '10.9.0.1', now)).toBe(0);
      expect(limiter.needsCheck('app_1', '10.9.0.1')).toBe(false);
      expect(calls).toEqual([]);

      expect(await limiter.recordFailure('app_1', '10.9.0.1', now)).toBe(0);
      expect(calls).toEqual(['record']);
      // Another client at another address still does no I/O; the one that failed is checked once.
      expect(limiter.needsCheck('app_2', '10.9.0.2')).toBe(false);
      expect(limiter.needsCheck('app_1', '10.9.0.1')).toBe(true);
      expect(await limiter.checkSuccess('app_1', '10.9.0.1', now)).toBe(0);
      expect(calls).toEqual(['record', 'read', 'clear']);
      expect(limiter.needsCheck('app_1', '10.9.0.1')).toBe(false);
    });
  });
}
