import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
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

/**
 * User + system CPU time of this process's waited-for children, ms (Linux: /proc/self/stat's
 * cutime and cstime, in clock ticks of 10 ms); undefined elsewhere. Less sensitive to other load
 * on the machine than wall time.
 */
function childrenCpuMs(): number | undefined {
  if (!existsSync('/proc/self/stat')) return undefined;
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[13]) + Number(fields[14])) * 10; // fields 16 and 17 of proc(5)
}

/** Wall time and CPU time of one child process, ms; fails on a non-zero exit. */
function wall(
  args: string[],
  env: Record<string, string>,
): { ms: number; cpuMs: number | undefined; stdout: string } {
  const cpuBefore = childrenCpuMs();
  const start = performance.now();
  const run = spawnSync(process.execPath, args, { env: { ...process.env, ...env }, encoding: 'utf8' });
  const ms = performance.now() - start;
  const cpuAfter = childrenCpuMs();
  if (run.status !== 0) throw new Error(`${args.join(' ')} exited ${run.status}: ${run.stderr}`);
  const cpuMs = cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore;
  return { ms, cpuMs, stdout: run.stdout };
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
      const cpu = { node: [] as number[], providers: [] as number[], connections: [] as number[] };
      const record = (name: keyof typeof times, run: ReturnType<typeof wall>) => {
        times[name].push(run.ms);
        if (run.cpuMs !== undefined) cpu[name].push(run.cpuMs);
        return run;
      };
      let listed = 0;
      for (let r = 0; r < ROUNDS; r++) {
        record('node', wall(['-e', '0'], env));
        record('providers', wall([BIN, 'providers', 'list', '--json'], env));
        const c = record('connections', wall([BIN, 'connections', 'list', '--json'], env));
        listed = (JSON.parse(c.stdout) as unknown[]).length;
      }
      if (listed !== CONNECTIONS) throw new Error(`connections list printed ${listed} rows`);
      const floor = median(times.node);
      const cpuMedian = (values: number[]) => (values.length ? Number(median(values).toFixed(0)) : 'n/a');
      const result = (name: string, values: number[], cpuValues: number[]): BenchResult => ({
        name,
        value: Number(median(values).toFixed(0)),
        unit: 'ms',
        baseline: 'node -e 0',
        baselineValue: Number(floor.toFixed(0)),
        ratio: Number((median(values) / floor).toFixed(2)),
        details: {
          rounds: ROUNDS,
          connections: CONNECTIONS,
          target: '≤ 400 ms on a quiet machine',
          // user + system CPU, medians (ms): steadier than wall time on a shared machine
          cpuMs: cpuMedian(cpuValues),
          nodeCpuMs: cpuMedian(cpu.node),
        },
      });
      return [
        result('cli-latency-providers-list', times.providers, cpu.providers),
        result('cli-latency-connections-list', times.connections, cpu.connections),
      ];
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
};
