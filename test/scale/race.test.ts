import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enginesToTest, type ScaleEnv, startScaleEnv } from './fixture.ts';
import { startWorker, type WorkerHandle } from './workers.ts';

/**
 * The race suite (issue 5): 4 processes × 250 concurrent `ensureFresh` on one expired connection,
 * against oidc-provider with refresh-token rotation where reusing a rotated refresh token revokes
 * the whole grant. Exactly one refresh request; all 1,000 callers get the same new access token;
 * the connection stays active. Then the same with 50 connections at once. PostgreSQL and SQLite.
 */
const ENGINES = await enginesToTest();
const PROCESSES = 4;
const CALLERS = 250;
/** 50 connections × 4 processes × 250 callers = 50,000 concurrent calls, as the issue asks. */
const CALLERS_EACH_OF_50 = 250;

type RaceResult = { tokens: Record<string, string[]>; served: number; errors: string[] };

for (const { engine, available } of ENGINES) {
  describe.skipIf(!available)(`race suite on ${engine}`, () => {
    let env: ScaleEnv;
    let workers: WorkerHandle[] = [];

    beforeAll(async () => {
      env = await startScaleEnv(engine);
      workers = await Promise.all(
        Array.from({ length: PROCESSES }, (_, i) =>
          // Waiters get room: a live holder renews its lease, so on a loaded machine a long wait is
          // a slow provider call, not a lost one (the assertions are counts, never durations).
          startWorker(env.spec, { name: `${engine}-w${i}`, leaseMs: 10_000, maxLeaseWaitMs: 90_000 }),
        ),
      );
    }, 60_000);
    afterAll(async () => {
      await Promise.all(workers.map((w) => w.stop()));
      await env?.close();
    });

    /** Every worker starts at once (one message each, already loaded), each with `callers` per id. */
    async function race(ids: string[], callers: number): Promise<RaceResult[]> {
      const results = workers.map((w) => w.next('race-result'));
      for (const w of workers) w.send({ type: 'race', ids, callers });
      return Promise.all(results);
    }

    async function check(
      ids: string[],
      callers: number,
      results: RaceResult[],
      oldTokens: Map<string, string>,
    ) {
      expect(results.flatMap((r) => r.errors)).toEqual([]);
      expect(results.reduce((n, r) => n + r.served, 0)).toBe(PROCESSES * callers * ids.length);
      for (const id of ids) {
        // One token per connection, the same in every process.
        const seen = new Set(results.flatMap((r) => r.tokens[id] ?? []));
        expect(seen.size).toBe(1);
        const c = (await env.a.app.store.connections.get(id))!;
        expect(c).toMatchObject({ status: 'active', version: 2, leaseOwner: undefined, failureCount: 0 });
        expect(c.accessToken).not.toBe(oldTokens.get(id));
        expect(c.expiresAt!.getTime()).toBeGreaterThan(Date.now() + 3000_000);
      }
    }

    it('one expired connection: 4 processes × 250 callers → exactly one refresh request, one token for all', {
      timeout: 180_000,
    }, async () => {
      const [id] = await env.mint(1);
      const old = new Map([[id!, (await env.a.app.store.connections.get(id!))!.accessToken]]);
      await env.expire([id!]);
      const before = env.remote.counts.refresh_token;
      const results = await race([id!], CALLERS);
      expect(env.remote.counts.refresh_token - before).toBe(1);
      await check([id!], CALLERS, results, old);
      // The stored refresh token is the provider's current one: it still refreshes.
      await expect(env.a.app.client.refresh(id!)).resolves.toBeDefined();
      expect(await env.a.app.store.connections.get(id!)).toMatchObject({ status: 'active', version: 3 });
    });

    it('50 expired connections at once: 4 processes × 250 callers on each → 50 refresh requests, none lost', async () => {
      const ids = await env.mint(50);
      expect(ids).toHaveLength(50);
      const list = await env.a.app.store.connections.list();
      const old = new Map(list.map((c) => [c.id, c.accessToken]));
      await env.expire(ids);
      const before = env.remote.counts.refresh_token;
      const results = await race(ids, CALLERS_EACH_OF_50);
      expect(env.remote.counts.refresh_token - before).toBe(50);
      await check(ids, CALLERS_EACH_OF_50, results, old);
      expect(env.remote.counts.failed).toBe(0);
    }, 240_000);
  });
}
