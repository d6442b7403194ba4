import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackgroundRefresher } from '../../src/core/background-refresher.ts';
import type { TestConsentry } from '../support/consentry.ts';
import { enginesToTest, type ScaleEnv, startScaleEnv } from './fixture.ts';

/**
 * The background refresher, two instances on one database, a real provider with rotation and
 * reuse detection: due selection, no double refresh, backoff after failures, invalid_grant →
 * needs_reauth with a reason, refresh tokens about to lapse renewed or flagged.
 */
const ENGINES = await enginesToTest();
const DAY = 86_400_000;

const refresherOf = (t: TestConsentry): BackgroundRefresher => {
  const r = t.app.backgroundRefresher;
  if (!r) throw new Error('background refresher not created');
  return r;
};

for (const { engine, available } of ENGINES) {
  describe.skipIf(!available)(`background refresher on ${engine}`, () => {
    let env: ScaleEnv;
    let a: TestConsentry;
    let b: TestConsentry;

    beforeAll(async () => {
      env = await startScaleEnv(engine, {
        // lifetimeDays: 1, rotating — the refresher renews before the lapse (warn window 1 h).
        provider: { refreshToken: { issued: 'always', rotates: true, lifetimeDays: 1 } },
        env: {
          BACKGROUND_REFRESH: 'true',
          REFRESH_LAPSE_WARN_HOURS: '1',
          BACKGROUND_REFRESH_WINDOW_SECONDS: '300',
        },
      });
      a = env.a;
      b = await env.startInstance();
    });
    afterAll(async () => env?.close());

    it('refreshes only the due connections, once each, with two instances sweeping at the same time', async () => {
      const ids = await env.connect(6);
      const due = ids.slice(0, 4);
      // Due: expiring within the 300 s window (one already expired); the other two are not.
      await a.app.database.db
        .updateTable('connections')
        .set({ expires_at: Date.now() + 60_000 })
        .where('id', 'in', due.slice(1))
        .execute();
      await env.expire([due[0]!]);
      const before = env.remote.counts.refresh_token;
      const [ra, rb] = await Promise.all([refresherOf(a).sweep(), refresherOf(b).sweep()]);
      expect(env.remote.counts.refresh_token - before).toBe(4);
      expect(ra.failed + rb.failed + ra.needsReauth + rb.needsReauth).toBe(0);
      for (const id of ids) {
        const c = (await a.app.store.connections.get(id))!;
        expect(c.status).toBe('active');
        expect(c.version).toBe(due.includes(id) ? 2 : 1);
        expect(c.expiresAt!.getTime()).toBeGreaterThan(Date.now() + 3000_000);
      }
      expect(env.events.filter((e) => e.type === 'refreshed' && due.includes(e.connectionId))).toHaveLength(
        4,
      );
      // Nothing due any more: a sweep costs no provider call.
      const again = await refresherOf(b).sweep();
      expect(again.due).toBe(0);
      expect(env.remote.counts.refresh_token - before).toBe(4);
      // Every refreshed refresh token is still accepted by the provider (rotation kept in step).
      for (const id of due) await expect(a.app.client.refresh(id)).resolves.toBeDefined();
    });

    it('backs off after failures with a growing delay and does not hammer the provider', async () => {
      const [id] = await env.connect(1);
      await env.expire([id!]);
      env.remote.failTokenEndpoint(503);
      try {
        const delays: number[] = [];
        for (let round = 1; round <= 3; round++) {
          const failedBefore = env.remote.counts.failed;
          const t0 = Date.now();
          const r = await refresherOf(a).sweep();
          expect(r.failed).toBe(1);
          expect(env.remote.counts.failed - failedBefore).toBe(1);
          const c = (await a.app.store.connections.get(id!))!;
          expect(c).toMatchObject({ status: 'active', failureCount: round, leaseOwner: undefined });
          expect(c.lastError).toMatch(/PROVIDER_UNAVAILABLE|TOKEN_REQUEST_REJECTED/);
          delays.push(c.nextAttemptAt!.getTime() - t0);
          // Cooling down: both instances skip it — no provider request at all.
          const skipped = await Promise.all([refresherOf(a).sweep(), refresherOf(b).sweep()]);
          expect(skipped.map((s) => s.due)).toEqual([0, 0]);
          expect(env.remote.counts.failed - failedBefore).toBe(1);
          // Let the cooldown pass (test arrangement) for the next round.
          await a.app.database.db
            .updateTable('connections')
            .set({ next_attempt_at: Date.now() - 1 })
            .where('id', '=', id!)
            .execute();
        }
        expect(delays[0]).toBeGreaterThan(3000);
        expect(delays[1]!).toBeGreaterThan(delays[0]!);
        expect(delays[2]!).toBeGreaterThan(delays[1]!);
        expect(env.events.some((e) => e.type === 'refresh_failed' && e.connectionId === id)).toBe(true);
      } finally {
        env.remote.failTokenEndpoint(undefined);
      }
      // The provider is back: the next sweep refreshes and clears the failure state; the token survived.
      const r = await refresherOf(b).sweep();
      expect(r.refreshed).toBe(1);
      expect(await a.app.store.connections.get(id!)).toMatchObject({ status: 'active', failureCount: 0 });
    });

    it('invalid_grant: needs_reauth with the reason, the feature is told, no more attempts', async () => {
      const [id] = await env.connect(1);
      // Someone else uses the refresh token (rotation at the provider), then it is reused: the
      // provider revokes the grant — a genuinely dead connection, not a sibling's rotation.
      const rt = (await a.app.store.connections.refreshTokenOf(id!))!;
      const basic = `Basic ${Buffer.from('scale:scale-secret').toString('base64')}`;
      const steal = await fetch(`${env.remote.issuer}/token`, {
        method: 'POST',
        headers: { authorization: basic, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: rt }),
      });
      expect(steal.status).toBe(200);
      await env.expire([id!]);
      const r = await refresherOf(a).sweep();
      expect(r.needsReauth).toBe(1);
      const c = (await a.app.store.connections.get(id!))!;
      expect(c.status).toBe('needs_reauth');
      expect(c.statusReason).toMatch(/invalid_grant/);
      expect(env.events.some((e) => e.type === 'needs_reauth' && e.connectionId === id)).toBe(true);
      const requests = env.remote.counts.refresh_token;
      expect((await refresherOf(b).sweep()).due).toBe(0);
      expect(env.remote.counts.refresh_token).toBe(requests);
    });

    it('a refresh token with a documented lifetime gets an expiry, and is renewed before it lapses', async () => {
      const [id] = await env.connect(1);
      const c = (await a.app.store.connections.get(id!))!;
      // Stamped from the provider's data on the first grant: now + 1 day.
      expect(Math.abs(c.refreshExpiresAt!.getTime() - (Date.now() + DAY))).toBeLessThan(60_000);
      // 30 minutes before the lapse (inside the 1 h window); the access token, issued with the
      // refresh token long ago, is not due yet (20 minutes left, outside the 300 s window).
      await a.app.database.db
        .updateTable('connections')
        .set({ refresh_expires_at: Date.now() + 30 * 60_000, expires_at: Date.now() + 20 * 60_000 })
        .where('id', '=', id!)
        .execute();
      const before = env.remote.counts.refresh_token;
      const [ra, rb] = await Promise.all([refresherOf(a).sweep(), refresherOf(b).sweep()]);
      expect(env.remote.counts.refresh_token - before).toBe(1);
      expect(ra.renewedBeforeLapse + rb.renewedBeforeLapse).toBeGreaterThanOrEqual(1);
      expect(ra.warned + rb.warned).toBe(0);
      const after = (await a.app.store.connections.get(id!))!;
      expect(after.version).toBe(c.version + 1);
      expect(after.refreshExpiresAt!.getTime()).toBeGreaterThan(Date.now() + DAY - 60_000);
    });
  });
}

describe.skipIf(!ENGINES[0]!.available)(
  'a refresh token that renewing cannot extend (no rotation) is flagged once',
  () => {
    let env: ScaleEnv;
    beforeAll(async () => {
      env = await startScaleEnv('postgres', {
        rotateRefreshToken: false,
        provider: { refreshToken: { issued: 'always', rotates: false, lifetimeDays: 7 } },
        env: { BACKGROUND_REFRESH: 'true', REFRESH_LAPSE_WARN_HOURS: '24' },
      });
    });
    afterAll(async () => env?.close());

    it('warns with a `lapsing` event exactly once across two instances, without a provider call', async () => {
      const b = await env.startInstance();
      const [id, other] = await env.connect(2);
      const lapseAt = Date.now() + 3 * 3600_000;
      await env.a.app.database.db
        .updateTable('connections')
        .set({ refresh_expires_at: lapseAt })
        .where('id', '=', id!)
        .execute();
      const before = env.remote.counts.refresh_token;
      const reports = await Promise.all([refresherOf(env.a).sweep(), refresherOf(b).sweep()]);
      expect(reports.reduce((n, r) => n + r.warned, 0)).toBe(1);
      expect(env.remote.counts.refresh_token).toBe(before);
      const lapsing = env.events.filter((e) => e.type === 'lapsing');
      expect(lapsing).toEqual([
        { type: 'lapsing', connectionId: id, purpose: 'scale_test', refreshExpiresAt: new Date(lapseAt) },
      ]);
      expect(lapsing.some((e) => e.connectionId === other)).toBe(false);
      await refresherOf(b).sweep();
      expect(env.events.filter((e) => e.type === 'lapsing')).toHaveLength(1);
      // Refreshing a non-rotating provider's token keeps the lapse date (it does not extend it).
      await env.a.app.client.refresh(id!);
      expect((await env.a.app.store.connections.get(id!))?.refreshExpiresAt?.getTime()).toBe(lapseAt);
    });
  },
);
