import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeAddress } from '../../src/console/sign-in-limits.ts';
import { startConsentry, type TestConsentry } from '../support/consentry.ts';
import { createTestSchema, postgresAvailable, type TestSchema } from '../support/postgres.ts';

/**
 * Issue 10, finding 5: 10 wrong passwords for an administrator's email from any address locked
 * that administrator out; the in-memory map was cleared at 10,000 keys (resetting every lockout);
 * and each instance counted alone. Now the counts live in the database (two instances here, on
 * one SQLite file and on one PostgreSQL schema), per (account, address), per address, with an
 * account-wide ceiling that never refuses an address without failures.
 */
const pgUp = await postgresAvailable();
const PASSWORD = 'correct horse battery staple';
const BUDGETS = { perAccountAddress: 3, perAddress: 4, perAccount: 5, windowMs: 60_000 };

for (const dialect of ['sqlite', 'postgres'] as const) {
  describe.skipIf(dialect === 'postgres' && !pgUp)(
    `console sign-in limits on ${dialect}, two instances`,
    () => {
      const clock = { now: Date.now() };
      let dir: string;
      let schema: TestSchema | undefined;
      let a: TestConsentry;
      let b: TestConsentry;

      beforeAll(async () => {
        dir = mkdtempSync(join(tmpdir(), 'consentry-signin-limits-'));
        if (dialect === 'postgres') schema = await createTestSchema('signinlimits');
        const start = () =>
          startConsentry({
            dataDir: join(dir, 'data'),
            listen: false,
            env: {
              DEMO_PROVIDER: 'false',
              BACKGROUND_REFRESH: 'false',
              ...(schema ? { DATABASE_URL: schema.url } : {}),
            },
            ...(schema ? { schema: schema.schema } : {}),
            console: { signInBudgets: BUDGETS, now: () => clock.now },
            // One clock for everything that reads the shared windows (the provider role sweeps ended ones).
            authserver: { now: () => clock.now },
          });
        a = await start();
        b = await start();
        await a.app.console.users.create({
          email: 'admin@example.org',
          password: PASSWORD,
          permissions: ['manage_users'],
        });
      }, 60_000);
      afterAll(async () => {
        await a?.close();
        await b?.close();
        await schema?.drop();
        if (dir) rmSync(dir, { recursive: true, force: true });
      });

      /** A password sign-in from `address`, as a browser does it: the form (CSRF token), then the POST. */
      async function attempt(app: TestConsentry, email: string, password: string, address: string) {
        const form = await app.app.server.inject({ url: '/sign-in', remoteAddress: address });
        const csrf = /name="_csrf" value="([^"]+)"/.exec(form.body)?.[1] ?? '';
        const cookie = form.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
        const res = await app.app.server.inject({
          method: 'POST',
          url: '/sign-in',
          remoteAddress: address,
          headers: { 'content-type': 'application/x-www-form-urlencoded', cookie, origin: app.baseUrl },
          payload: new URLSearchParams({ _csrf: csrf, email, password, next: '/' }).toString(),
        });
        return res.statusCode;
      }

      it('counts case and whitespace variants as one account, across instances; another address still signs in', async () => {
        const variants = ['admin@example.org', ' ADMIN@example.org', 'Admin@Example.Org  '];
        for (const [i, email] of variants.entries()) {
          expect(await attempt(i % 2 ? b : a, email, 'wrong password', '198.51.100.1')).toBe(401);
        }
        // The pair's budget is spent — on either instance, even with the right password.
        expect(await attempt(b, 'admin@example.org', PASSWORD, '198.51.100.1')).toBe(429);
        expect(await attempt(a, 'admin@example.org', PASSWORD, '198.51.100.1')).toBe(429);
        // The administrator, from their own address, is not locked out.
        expect(await attempt(a, 'admin@example.org', PASSWORD, '203.0.113.9')).toBe(303);
      });

      it('cannot be reset by flooding: other (account, address) failures leave the lock in place', async () => {
        for (let i = 0; i < 6; i++) {
          expect(await attempt(i % 2 ? a : b, `nobody${i}@example.org`, 'x', `192.0.2.${10 + i}`)).toBe(401);
        }
        expect(await attempt(a, 'admin@example.org', PASSWORD, '198.51.100.1')).toBe(429);
      }, 120_000);

      it('limits one address across accounts', async () => {
        for (let i = 0; i < BUDGETS.perAddress; i++) {
          expect(await attempt(i % 2 ? a : b, `spray${i}@example.org`, 'x', '198.51.100.77')).toBe(401);
        }
        expect(await attempt(a, 'another@example.org', 'x', '198.51.100.77')).toBe(429);
        // IPv6: one /64 is one address.
        expect(normalizeAddress('2001:db8:1:2::1')).toBe(normalizeAddress('2001:db8:1:2:ffff::9'));
      });

      it('the account-wide ceiling refuses addresses that failed for it, never a fresh one', async () => {
        // Distributed guessing: one failure from each of many addresses (3 were counted above).
        for (let i = 0; i < BUDGETS.perAccount; i++) {
          expect(await attempt(i % 2 ? a : b, 'admin@example.org', 'guess', `100.64.0.${i + 1}`)).toBe(401);
        }
        expect(await attempt(b, 'admin@example.org', PASSWORD, '100.64.0.1')).toBe(429);
        expect(await attempt(b, 'admin@example.org', PASSWORD, '203.0.113.200')).toBe(303);
      }, 120_000);

      it('windows end: after the window the locked pair may try again', async () => {
        clock.now += BUDGETS.windowMs + 1000;
        expect(await attempt(a, 'admin@example.org', PASSWORD, '198.51.100.1')).toBe(303);
      });
    },
  );
}
