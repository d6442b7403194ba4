import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openCore } from '../../src/app-core.ts';
import { loadConfig } from '../../src/config/config.ts';
import { type Benchmark, type BenchResult, median } from '../harness.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'consentry.js');
const CONNECTIONS = 1000;
const ROUNDS = 7;

/** Wall time of one child process, ms; fails on a non-zero exit. */
function wall(args: string[], env: Record<string, string>): { ms: number; stdout: string } {
  const start = performance.now();
  const run = spawnSync(process.execPath, args, { env: { ...process.env, ...env }, encoding: 'utf8' });
  const ms = performance.now() - start;
  if (run.status !== 0) throw new Error(`${args.join(' ')} exited ${run.status}: ${run.stderr}`);
  return { ms, stdout: run.stdout };
}

/**
 * `cli-latency` (issue 15): wall time of `consentry providers list --json` and `consentry
 * connections list --json` over a data directory holding 1,000 connections, each round also
 * timing `node -e 0` (the floor: starting Node itself) so the ratio holds on a busy machine.
 * The compiled CLI (dist/) is what runs — built first when stale, never at run time.
 */
export const cliLatency: Benchmark = {
  name: 'cli-latency',
  description: `consentry providers/connections list --json wall time, ${CONNECTIONS} connections, vs node -e 0`,
  async run(log) {
    const build = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { stdio: 'inherit' });
    if (build.status !== 0) throw new Error('build failed');
    const dataDir = mkdtempSync(join(tmpdir(), 'consentry-cli-bench-'));
    const env = { DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
    try {
      const core = await openCore(loadConfig(env, { server: true }));
      const client = await core.store.clients.create({
        providerKey: 'google',
        name: 'Bench',
        clientId: 'bench.apps.googleusercontent.com',
        clientSecret: 'bench-secret',
      });
      const now = new Date();
      for (let i = 0; i < CONNECTIONS; i++)
        await core.store.connections.insert(
          {
            clientRef: client.id,
            providerKey: 'google',
            purpose: 'console',
            payload: {},
            account: `user${i}@example.org`,
            subject: `sub-${i}`,
            issuer: 'https://accounts.google.com',
            accessToken: `at-${i}-${'x'.repeat(40)}`,
            refreshToken: `rt-${i}-${'y'.repeat(40)}`,
            tokenType: 'bearer',
            scopes: ['openid', 'email'],
            expiresAt: new Date(now.getTime() + 3600_000),
          },
          now,
        );
      await core.database.close();
      log(`  seeded ${CONNECTIONS} connections`);
      // One untimed run each: the demo client is registered and the OS caches are warm.
      wall([BIN, 'providers', 'list', '--json'], env);
      const times = { node: [] as number[], providers: [] as number[], connections: [] as number[] };
      let listed = 0;
      for (let r = 0; r < ROUNDS; r++) {
        times.node.push(wall(['-e', '0'], env).ms);
        times.providers.push(wall([BIN, 'providers', 'list', '--json'], env).ms);
        const c = wall([BIN, 'connections', 'list', '--json'], env);
        times.connections.push(c.ms);
        listed = (JSON.parse(c.stdout) as unknown[]).length;
      }
      if (listed !== CONNECTIONS) throw new Error(`connections list printed ${listed} rows`);
      const floor = median(times.node);
      const result = (name: string, values: number[]): BenchResult => ({
        name,
        value: Number(median(values).toFixed(0)),
        unit: 'ms',
        baseline: 'node -e 0',
        baselineValue: Number(floor.toFixed(0)),
        ratio: Number((median(values) / floor).toFixed(2)),
        details: { rounds: ROUNDS, connections: CONNECTIONS, target: '≤ 400 ms on a quiet machine' },
      });
      return [
        result('cli-latency-providers-list', times.providers),
        result('cli-latency-connections-list', times.connections),
      ];
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
};
