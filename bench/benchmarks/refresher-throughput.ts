import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Kysely } from 'kysely';
import { ProviderRegistry } from '../../src/catalog/registry.ts';
import { BackgroundRefresher } from '../../src/core/background-refresher.ts';
import { ConsumerRegistry } from '../../src/core/consumers.ts';
import { OAuth2Client } from '../../src/core/oauth2-client.ts';
import { Egress } from '../../src/egress/egress.ts';
import { parseEgressAllow } from '../../src/egress/policy.ts';
import { aadFor, SecretBox, secretKeyFrom } from '../../src/secrets/secret-box.ts';
import { migrateToLatest, openDatabase } from '../../src/storage/database.ts';
import { createKyselyStore } from '../../src/storage/kysely-store.ts';
import type { Database } from '../../src/storage/schema.ts';
import { type Benchmark, type BenchResult, median } from '../harness.ts';
import { benchSchema } from './pg-schema.ts';

/**
 * `refresher-throughput` (issue 11): the background refresher keeping N connections fresh — all
 * due within the window — against a loopback token endpoint, in one process; refreshes per second
 * versus a bare loop sending the same HTTP requests (POST, form body, Basic auth) to the same
 * endpoint at the same concurrency, in the same run. Target: ≥ 0.7 of the bare loop.
 *
 * - N is `BENCH_REFRESHER_ROWS` (default 100,000), stored in bulk (sealed like the repository
 *   seals them, multi-row inserts in one transaction) into a fresh SQLite file and a throw-away
 *   PostgreSQL schema, dropped afterwards: nothing depends on what a shared database holds.
 * - Rounds alternate: the refresher refreshes `BENCH_REFRESHER_ROUND` connections (default N/10,
 *   at least 1,000), then the bare loop sends up to 2,000 requests; the ratio is the median of the
 *   rounds' ratios (a shared machine's load drifts; neighbouring rounds see the same machine).
 * - Warm-up: both sides first run up to 1,000 requests that are not counted (JIT, first
 *   connections), and the refresher's warm-up rows are left out of N's count of refreshed ones.
 * - Bounded: it stops after the N connections or `BENCH_REFRESHER_MAX_SECONDS` per engine
 *   (default 900), whichever comes first, and reports how many were refreshed.
 * - `BENCH_REFRESHER_CONCURRENCY` (default 16) is the refresher's per-provider concurrency and the
 *   bare loop's; `BENCH_REFRESHER_ENGINES` (default `sqlite,postgres`) picks the engines.
 *
 * One instance keeps fresh, with hourly tokens, about rate × 3,600 connections.
 */
const ROWS = Number(process.env.BENCH_REFRESHER_ROWS ?? 100_000);
const CONCURRENCY = Number(process.env.BENCH_REFRESHER_CONCURRENCY ?? 16);
const ROUND = Number(process.env.BENCH_REFRESHER_ROUND ?? Math.max(1000, Math.ceil(ROWS / 10)));
const MAX_SECONDS = Number(process.env.BENCH_REFRESHER_MAX_SECONDS ?? 900);
const BARE_PER_ROUND = 2000;
const WARM_UP = 1000;
const ENGINES = (process.env.BENCH_REFRESHER_ENGINES ?? 'sqlite,postgres').split(',') as (
  | 'sqlite'
  | 'postgres'
)[];

/** The provider stand-in: every refresh answered with a new access and refresh token. */
async function tokenServer(): Promise<{ url: string; served: () => number; close(): Promise<void> }> {
  let served = 0;
  let n = 0;
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      served++;
      n++;
      const body = JSON.stringify({
        access_token: `at-${n}-${'a'.repeat(32)}`,
        refresh_token: `rt-${n}-${'r'.repeat(32)}`,
        token_type: 'Bearer',
        expires_in: 3600,
      });
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(body);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/token`,
    served: () => served,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/**
 * N due connections in bulk: sealed exactly as the repository seals them (same AAD), inserted
 * 1,000 rows per statement in one transaction — minutes faster than N repository inserts.
 */
async function seed(db: Kysely<Database>, box: SecretBox, clientRef: string, rows: number, now: number) {
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < rows; i += 1000) {
      const values = Array.from({ length: Math.min(1000, rows - i) }, (_, k) => {
        const id = randomUUID();
        return {
          id,
          client_ref: clientRef,
          provider_key: 'bench',
          purpose: 'bench',
          payload: '{}',
          account: null,
          subject: null,
          issuer: null,
          access_token: box.seal(`at-initial-${i + k}`, aadFor('connections', 'access_token', id)),
          refresh_token: box.seal(`rt-initial-${i + k}`, aadFor('connections', 'refresh_token', id)),
          token_type: 'bearer',
          scopes: 'read',
          // All due within the refresher's 300 s window, soonest first in insertion order.
          expires_at: now + 60_000 + i + k,
          refresh_expires_at: null,
          id_token_claims: null,
          extras: '{}',
          status: 'active',
          status_reason: null,
          last_refresh_at: null,
          last_error: null,
          next_attempt_at: null,
          lease_owner: null,
          lease_until: null,
          created_at: now,
          updated_at: now,
        };
      });
      await trx.insertInto('connections').values(values).execute();
    }
  });
}

/** The floor: the same request through the same fetch (undici, keep-alive), `count` times at `concurrency`. */
async function bareLoop(url: string, count: number, concurrency: number): Promise<number> {
  const auth = `Basic ${Buffer.from('bench-client:bench-secret').toString('base64')}`;
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        next++;
        const res = await fetch(url, {
          method: 'POST',
          headers: {
            authorization: auth,
            'content-type': 'application/x-www-form-urlencoded',
            accept: 'application/json',
          },
          body: new URLSearchParams({
            grant_type: 'refresh_token',
            refresh_token: `rt-${next}-${'r'.repeat(32)}`,
          }),
        });
        await res.json();
      }
    }),
  );
  return (count * 1000) / (performance.now() - t0);
}

async function runOn(
  engine: 'sqlite' | 'postgres',
  log: (line: string) => void,
): Promise<BenchResult | undefined> {
  const pg = engine === 'postgres' ? await benchSchema('refresher') : undefined;
  if (engine === 'postgres' && !pg) {
    log('  PostgreSQL unreachable: refresher-throughput-postgres skipped');
    return undefined;
  }
  const dir = mkdtempSync(join(tmpdir(), 'consentry-bench-refresher-'));
  const handle = openDatabase({
    databaseUrl: pg?.url,
    sqliteFile: join(dir, 'bench.sqlite'),
    schema: pg?.schema,
  });
  const server = await tokenServer();
  try {
    await migrateToLatest(handle.db);
    const box = new SecretBox([secretKeyFrom(SecretBox.generateKey())]);
    const store = createKyselyStore(handle.db, box, {
      readOne: handle.readOne,
      writeReturning: handle.writeReturning,
    });
    const providers = new ProviderRegistry([
      {
        key: 'bench',
        displayName: 'Bench',
        protocol: 'oauth2',
        endpoints: { authorization: 'http://127.0.0.1/authorize', token: server.url },
        refreshToken: { issued: 'always', rotates: true },
      },
    ]);
    const client = new OAuth2Client({
      store,
      providers,
      consumers: new ConsumerRegistry(),
      redirectUri: 'http://localhost/oauth/callback',
      protocol: {
        allowInsecure: () => true,
        timeoutMs: 30_000,
        // Every token request goes through the egress module, loopback opened as an operator would.
        fetch: new Egress({ rules: parseEgressAllow('127.0.0.0/8'), trustedOrigins: [] }).fetch as never,
      },
    });
    const clientRef = (
      await store.clients.create({
        providerKey: 'bench',
        name: 'bench',
        clientId: 'bench-client',
        clientSecret: 'bench-secret',
      })
    ).id;
    const t0 = performance.now();
    await seed(handle.db, box, clientRef, ROWS, Date.now());
    log(`  ${engine}: ${ROWS} connections stored in bulk in ${Math.round(performance.now() - t0)} ms`);

    const refresher = new BackgroundRefresher({
      client,
      connections: store.connections,
      providerOf: (k) => (providers.has(k) ? providers.get(k) : undefined),
      emit: () => {},
      windowSeconds: 300,
      batchSize: 2000, // the server's default (BACKGROUND_REFRESH_BATCH)
      perProviderConcurrency: CONCURRENCY,
      perProviderRatePerSecond: 0,
    });
    // Warm-up, not counted: both sides' first requests pay for JIT compilation and the first
    // connections (the refresher's first sweep also its first claim statements).
    const warm = Math.min(WARM_UP, Math.floor(ROWS / 10));
    let warmed = 0;
    while (warmed < warm) {
      const report = await refresher.sweep();
      warmed += report.refreshed;
      if (report.due === 0) break;
    }
    await bareLoop(server.url, warm, CONCURRENCY);
    const servedBefore = server.served();
    const started = performance.now();
    let refreshed = 0;
    let failed = 0;
    let refresherMs = 0;
    let bareRequests = 0;
    let bareMs = 0;
    const ratios: number[] = [];
    let done = false;
    while (!done && performance.now() - started < MAX_SECONDS * 1000) {
      const t1 = performance.now();
      let round = 0;
      while (round < ROUND) {
        const report = await refresher.sweep();
        round += report.refreshed;
        failed += report.failed + report.needsReauth;
        if (report.due === 0) {
          done = true;
          break;
        }
      }
      const roundMs = performance.now() - t1;
      if (round === 0) break;
      refreshed += round;
      refresherMs += roundMs;
      const bare = Math.min(round, BARE_PER_ROUND);
      const t2 = performance.now();
      await bareLoop(server.url, bare, CONCURRENCY);
      const thisBareMs = performance.now() - t2;
      bareRequests += bare;
      bareMs += thisBareMs;
      ratios.push(round / roundMs / (bare / thisBareMs));
      log(
        `  ${engine}: round ${ratios.length}: ${round} refreshes at ${((round * 1000) / roundMs).toFixed(0)}/s, bare ${((bare * 1000) / thisBareMs).toFixed(0)}/s → ${ratios.at(-1)!.toFixed(2)}`,
      );
    }
    const subject = (refreshed * 1000) / refresherMs;
    const baseline = (bareRequests * 1000) / bareMs;
    const requests = server.served() - servedBefore - bareRequests;
    log(
      `  ${engine}: refresher ${refreshed} refreshes (${requests} token requests, ${failed} failed) in ${(refresherMs / 1000).toFixed(1)} s; bare loop ${baseline.toFixed(0)}/s`,
    );
    return {
      name: `refresher-throughput-${engine}`,
      value: Math.round(subject),
      unit: 'refreshes/s',
      baseline: `bare fetch loop, same requests, concurrency ${CONCURRENCY}`,
      baselineValue: Math.round(baseline),
      ratio: Number(median(ratios).toFixed(2)),
      details: {
        connections: ROWS,
        refreshed,
        failed,
        tokenRequests: requests,
        rounds: ratios.length,
        overallRatio: Number((subject / baseline).toFixed(2)),
        concurrency: CONCURRENCY,
        hourlyConnectionsPerInstance: Math.round(subject * 3600),
      },
    };
  } finally {
    await server.close();
    await handle.close();
    rmSync(dir, { recursive: true, force: true });
    await pg?.drop();
  }
}

export const refresherThroughput: Benchmark = {
  name: 'refresher-throughput',
  description: `background refresher over ${ROWS} due connections vs a bare fetch loop (SQLite, PostgreSQL)`,
  async run(log) {
    const out: BenchResult[] = [];
    for (const engine of ENGINES) {
      const r = await runOn(engine, log);
      if (r) out.push(r);
    }
    return out;
  },
};
