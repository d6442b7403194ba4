import { performance } from 'node:perf_hooks';
import { type Engine, startScaleEnv } from '../../test/scale/fixture.ts';
import { startWorker } from '../../test/scale/workers.ts';
import { type Benchmark, type BenchResult, median } from '../harness.ts';
import { benchSchema } from './pg-schema.ts';

/**
 * N concurrent `ensureFresh` per process × P processes on ONE expired connection, against a real
 * oidc-provider that rotates refresh tokens (and revokes the grant on reuse). Reports provider
 * calls per refresh (must be exactly 1) and callers served per provider call. Reuses the race
 * suite's instances (test/scale): each process composes the client role on the shared database.
 */
const PROCESSES = 4;
const CALLERS = 250;
const ROUNDS = 5;

export const refreshCoalescing: Benchmark = {
  name: 'refresh-coalescing',
  description: `${CALLERS} callers × ${PROCESSES} processes on one expired connection: provider calls and callers served`,
  async run(log) {
    const out: BenchResult[] = [];
    const pgUp = await benchSchema('probe');
    await pgUp?.drop();
    const engines: Engine[] = pgUp ? ['postgres', 'sqlite'] : ['sqlite'];
    if (!pgUp) log('  PostgreSQL unreachable: refresh-coalescing runs on SQLite only');
    for (const engine of engines) {
      const env = await startScaleEnv(engine);
      const workers = await Promise.all(
        Array.from({ length: PROCESSES }, (_, i) =>
          startWorker(env.spec, { name: `bench-${i}`, leaseMs: 10_000, maxLeaseWaitMs: 20_000 }),
        ),
      );
      try {
        const [id] = await env.mint(1);
        const calls: number[] = [];
        const times: number[] = [];
        let served = 0;
        let distinctTokens = 0;
        for (let round = 0; round < ROUNDS; round++) {
          await env.expire([id!]);
          const before = env.remote.counts.refresh_token;
          const t0 = performance.now();
          const results = workers.map((w) => w.next('race-result'));
          for (const w of workers) w.send({ type: 'race', ids: [id!], callers: CALLERS });
          const done = await Promise.all(results);
          times.push(performance.now() - t0);
          calls.push(env.remote.counts.refresh_token - before);
          served += done.reduce((n, r) => n + r.served, 0);
          distinctTokens = Math.max(distinctTokens, new Set(done.flatMap((r) => r.tokens[id!] ?? [])).size);
        }
        const providerCalls = calls.reduce((a, b) => a + b, 0);
        out.push({
          name: `refresh-coalescing-${engine}`,
          value: served / providerCalls,
          unit: 'callers served per provider call',
          details: {
            processes: PROCESSES,
            callersPerProcess: CALLERS,
            rounds: ROUNDS,
            providerCallsPerRound: calls.join(','),
            callersServed: served,
            distinctTokensPerRound: distinctTokens,
            medianRoundMs: Math.round(median(times)),
          },
        });
      } finally {
        await Promise.all(workers.map((w) => w.stop()));
        await env.close();
      }
    }
    return out;
  },
};
