import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ProviderRegistry } from '../../src/catalog/registry.ts';
import { BackgroundRefresher } from '../../src/core/background-refresher.ts';
import { ConsumerRegistry } from '../../src/core/consumers.ts';
import { OAuth2Client } from '../../src/core/oauth2-client.ts';
import { SecretBox, secretKeyFrom } from '../../src/secrets/secret-box.ts';
import { migrateToLatest, openDatabase } from '../../src/storage/database.ts';
import { createKyselyStore } from '../../src/storage/kysely-store.ts';
import type { Benchmark, BenchResult } from '../harness.ts';
import { benchSchema } from './pg-schema.ts';

/**
 * `refresher-throughput` (issue 11): the background refresher keeping N connections fresh — all
 * due within the window — against a loopback token endpoint, in one process; refreshes per second
 * versus a bare loop sending the same HTTP requests (POST, form body, Basic auth) to the same
 * endpoint at the same concurrency, in the same run. Target: ≥ 0.7 of the bare loop.
 *
 * N is `BENCH_REFRESHER_ROWS` (default 100,000); `BENCH_REFRESHER_CONCURRENCY` (default 16) is the
 * refresher's per-provider concurrency and the bare loop's. One instance keeps fresh, with hourly
 * tokens, about rate × 3,600 connections.
 */
const ROWS = Number(process.env.BENCH_REFRESHER_ROWS ?? 100_000);
const CONCURRENCY = Number(process.env.BENCH_REFRESHER_CONCURRENCY ?? 16);

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
    const store = createKyselyStore(handle.db, box, { readOne: handle.readOne });
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
      protocol: { allowInsecure: () => true, timeoutMs: 30_000 },
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
    const now = Date.now();
    for (let i = 0; i < ROWS; i += 500) {
      await Promise.all(
        Array.from({ length: Math.min(500, ROWS - i) }, (_, k) =>
          store.connections.insert(
            {
              clientRef,
              providerKey: 'bench',
              purpose: 'bench',
              payload: {},
              account: undefined,
              subject: undefined,
              issuer: undefined,
              accessToken: `at-initial-${i + k}`,
              refreshToken: `rt-initial-${i + k}`,
              tokenType: 'bearer',
              scopes: ['read'],
              // All due within the refresher's 300 s window.
              expiresAt: new Date(now + 60_000 + (i + k)),
            },
            new Date(now),
          ),
        ),
      );
    }
    log(`  ${engine}: ${ROWS} connections stored in ${Math.round(performance.now() - t0)} ms`);

    const refresher = new BackgroundRefresher({
      client,
      connections: store.connections,
      providerOf: (k) => (providers.has(k) ? providers.get(k) : undefined),
      emit: () => {},
      windowSeconds: 300,
      batchSize: 1000,
      perProviderConcurrency: CONCURRENCY,
      perProviderRatePerSecond: 0,
    });
    const servedBefore = server.served();
    const t1 = performance.now();
    let refreshed = 0;
    for (;;) {
      const report = await refresher.sweep();
      refreshed += report.refreshed;
      if (report.due === 0) break;
    }
    const subjectSeconds = (performance.now() - t1) / 1000;
    const subject = refreshed / subjectSeconds;
    const requests = server.served() - servedBefore;
    log(
      `  ${engine}: refresher ${refreshed} refreshes (${requests} token requests) in ${subjectSeconds.toFixed(1)} s`,
    );

    const baseline = await bareLoop(server.url, Math.min(ROWS, 20_000), CONCURRENCY);
    log(`  ${engine}: bare loop ${baseline.toFixed(0)} requests/s`);
    return {
      name: `refresher-throughput-${engine}`,
      value: Math.round(subject),
      unit: 'refreshes/s',
      baseline: `bare fetch loop, same requests, concurrency ${CONCURRENCY}`,
      baselineValue: Math.round(baseline),
      ratio: Number((subject / baseline).toFixed(2)),
      details: {
        connections: ROWS,
        refreshed,
        tokenRequests: requests,
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
    for (const engine of ['sqlite', 'postgres'] as const) {
      const r = await runOn(engine, log);
      if (r) out.push(r);
    }
    return out;
  },
};
