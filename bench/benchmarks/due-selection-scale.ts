import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { type Benchmark, median } from '../harness.ts';
import { storeFixture } from './fixture.ts';
import { benchSchema } from './pg-schema.ts';

/**
 * The background refresher's due selection (`listDue`: 1,000 due connections, sealed tokens
 * opened) among 10k and among 1M stored connections on PostgreSQL. With the (status, expires_at)
 * index the cost follows the due rows: the 1M figure must stay within 2× the 10k one.
 * The filler rows (active, not due) are made by one INSERT … SELECT FROM generate_series.
 */
const DUE = 1000;
const SIZES = [10_000, 1_000_000];

export const dueSelectionScale: Benchmark = {
  name: 'due-selection-scale',
  description: `listDue of ${DUE} due connections among 10k and 1M rows (PostgreSQL)`,
  async run(log) {
    const built: { select: () => Promise<unknown>; close: () => Promise<void> }[] = [];
    try {
      for (const size of SIZES) {
        const s = await benchSchema(`due${size}`);
        if (!s) {
          log('  PostgreSQL unreachable: due-selection-scale skipped');
          return [];
        }
        const f = await storeFixture({ databaseUrl: s.url, schema: s.schema });
        built.push({
          select: async () => {},
          close: async () => {
            await f.close();
            await s.drop();
          },
        });
        {
          const clientRef = (await f.store.connections.get(f.connectionId))!.clientRef;
          const now = Date.now();
          // The due ones: sealed like any connection, expiring within the next minute or expired.
          const batch = 50;
          for (let i = 0; i < DUE - 1; i += batch) {
            await Promise.all(
              Array.from({ length: Math.min(batch, DUE - 1 - i) }, (_, k) =>
                f.store.connections.insert(
                  {
                    clientRef,
                    providerKey: 'bench',
                    purpose: 'bench',
                    payload: {},
                    account: undefined,
                    subject: undefined,
                    issuer: undefined,
                    accessToken: `at-${i + k}`,
                    refreshToken: `rt-${i + k}`,
                    tokenType: 'bearer',
                    scopes: ['read'],
                    expiresAt: new Date(now - 30_000 + (i + k) * 60),
                  },
                  new Date(now),
                ),
              ),
            );
          }
          await f.handle.db
            .updateTable('connections')
            .set({ expires_at: now - 60_000 })
            .where('id', '=', f.connectionId)
            .execute();
          const t0 = performance.now();
          const filler = size - DUE;
          await sql`SET statement_timeout = '180s'`.execute(f.handle.db);
          await sql`
          INSERT INTO connections (id, client_ref, provider_key, purpose, payload, access_token, refresh_token,
            token_type, scopes, expires_at, extras, status, failure_count, version, created_at, updated_at)
          SELECT 'filler-' || g, ${clientRef}, 'bench', 'bench', '{}', 'v1.x', 'v1.x', 'bearer', 'read',
            ${now + 3600_000}::bigint + g, '{}', 'active', 0, 1, ${now}::bigint, ${now}::bigint
          FROM generate_series(1, ${filler}::int) AS g`.execute(f.handle.db);
          await sql`ANALYZE connections`.execute(f.handle.db);
          log(`  ${size} rows built in ${Math.round(performance.now() - t0)} ms`);

          const before = new Date(now + 300_000);
          const select = () => f.store.connections.listDue(before, new Date(now), DUE);
          const first = await select();
          if (first.length !== DUE) throw new Error(`expected ${DUE} due connections, got ${first.length}`);
          built[built.length - 1]!.select = select;
        }
      }
      // Alternate the two sizes (shared, noisy machine): 9 rounds of 5 selections each, medians.
      const samples: number[][] = SIZES.map(() => []);
      for (const b of built) for (let i = 0; i < 5; i++) await b.select();
      for (let round = 0; round < 9; round++) {
        for (const [i, b] of built.entries()) {
          for (let k = 0; k < 5; k++) {
            const t = performance.now();
            await b.select();
            samples[i]!.push(performance.now() - t);
          }
        }
      }
      const [small, large] = samples.map((x) => median(x)) as [number, number];
      return [
        {
          name: 'due-selection-scale',
          value: Number(large.toFixed(2)),
          unit: `ms to select ${DUE} due among 1M`,
          baseline: `the same among 10k`,
          baselineValue: Number(small.toFixed(2)),
          ratio: Number((large / small).toFixed(3)),
          details: { target: '1M time ≤ 2× 10k time (ratio ≤ 2)' },
        },
      ];
    } finally {
      for (const b of built) await b.close();
    }
  },
};
