import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { type Benchmark, type BenchResult, median } from '../harness.ts';
import { benchSchema } from './pg-schema.ts';

/**
 * Provider role (issue 14): refresh-token grant with rotation, tokens per second over HTTP, 50
 * connections on 127.0.0.1, each connection rotating its own chain (every response's
 * refresh_token is sent by that connection's next request; a reused token would revoke the grant,
 * so any non-2xx fails the run). Two servers, each a child process pinned to one core, in
 * alternating rounds, load generator on the other core:
 *   - Consentry (`createConsentry`: Fastify, SQLite, every plugin, the real /oauth2-token);
 *   - oidc-provider 8.x on the same job (public client, rotateRefreshToken: true, JWT access
 *     tokens via resource indicators, same alg, its in-memory adapter).
 * Target (issue 14): ≥ 1.5× oidc-provider.
 */
const root = join(import.meta.dirname, '..', '..');
const SERVER_CORE = '1';
const LOAD_CORE = '0';
const CONNECTIONS = 50;
const ROUNDS = 5;
const SECONDS = 2;
/** Fresh chains per server: one set per load run (warm-up + rounds), a stopped run strands its chains. */
const CHAINS = CONNECTIONS * (ROUNDS + 1);

interface Target {
  label: string;
  file: string;
}

const TARGETS: Target[] = [
  { label: 'consentry', file: 'bench/baselines/consentry-refresh-server.ts' },
  { label: 'oidc-provider', file: 'bench/baselines/oidc-provider-refresh.ts' },
];

interface Running {
  url: string;
  clientId: string;
  pool: string[];
  pid: number | undefined;
}

/**
 * CPU seconds (user + system) a process has used so far, from /proc (Linux; undefined elsewhere).
 * Fields 14 and 15 of /proc/PID/stat, in clock ticks (USER_HZ, 100 on Linux).
 */
function cpuSeconds(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

/**
 * `BENCH_SCHED=1`: after each load phase, where the time went — the load generator's share of its
 * core, the server's CPU share, and the server's main thread from /proc/PID/schedstat: running,
 * runnable but waiting for the core (another process or its own threads had it), neither (idle:
 * waiting for requests, or blocked in I/O). Tells a starved server from a blocked or idle one.
 */
const SCHED = Boolean(process.env.BENCH_SCHED);

function schedstat(pid: number | undefined): [number, number] {
  try {
    const [run, wait] = readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ').map(Number);
    return [run ?? 0, wait ?? 0];
  } catch {
    return [0, 0];
  }
}

function schedulingNote(
  seconds: number,
  requests: number,
  generator: NodeJS.CpuUsage,
  serverCpu: number,
  [run0, wait0]: [number, number],
  [run1, wait1]: [number, number],
): string {
  const genMicros = generator.user + generator.system;
  const [runMs, waitMs] = [(run1 - run0) / 1e6, (wait1 - wait0) / 1e6];
  return (
    `    load generator ${(genMicros / 1e4 / seconds).toFixed(0)} % of its core (${(genMicros / Math.max(requests, 1)).toFixed(0)} µs a request); ` +
    `server ${((serverCpu * 100) / seconds).toFixed(0)} %; its main thread ran ${runMs.toFixed(0)} ms, ` +
    `waited for the core ${waitMs.toFixed(0)} ms, neither ${(seconds * 1000 - runMs - waitMs).toFixed(0)} ms`
  );
}

const pinned = availableParallelism() > 1;

async function startServer(
  target: Target,
  alg: string,
  children: ChildProcess[],
  database: string[],
): Promise<Running> {
  // BENCH_CPU_PROF=DIR (inherited): each server writes DIR/<label>.cpuprofile of its load phase.
  const args = [
    '--import',
    'tsx',
    join(root, target.file),
    alg,
    String(CHAINS + 1),
    ...(target.label === 'consentry' ? database : []),
  ];
  const child = pinned
    ? spawn('taskset', ['-c', SERVER_CORE, process.execPath, ...args], {
        cwd: root,
        stdio: ['ignore', 'pipe', 'inherit'],
      })
    : spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  const line = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${target.label} did not start`)), 60_000);
    createInterface({ input: child.stdout! }).once('line', (l) => {
      clearTimeout(timer);
      resolve(l);
    });
    child.once('exit', (code) => reject(new Error(`${target.label} exited (${code})`)));
  });
  const info = JSON.parse(line) as { port: number; path: string; clientId: string; refreshTokens: string[] };
  const running = {
    url: `http://127.0.0.1:${info.port}${info.path}`,
    clientId: info.clientId,
    pool: info.refreshTokens,
    // taskset execs node: the same pid.
    pid: child.pid,
  };
  // Sanity: one real rotation before measuring, so an error is never counted as throughput.
  const res = await fetch(running.url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'refresh_token',
      client_id: info.clientId,
      refresh_token: running.pool.pop()!,
    }),
  });
  const body = (await res.json()) as { access_token?: string; refresh_token?: string };
  if (res.status !== 200 || !body.access_token?.includes('.') || !body.refresh_token)
    throw new Error(`${target.label}: refresh failed (${res.status} ${JSON.stringify(body).slice(0, 200)})`);
  return running;
}

/**
 * 50 connections, each a loop rotating its own chain: request → its refresh_token → next request.
 * A plain keep-alive loop rather than autocannon: autocannon builds a connection's next request
 * before the previous response's handler has run in some cases, which sends a refresh token twice
 * — a reuse, which (rightly) revokes the grant.
 */
async function load(
  server: Running,
  seconds: number,
  log?: (line: string) => void,
): Promise<{ perSecond: number; perCpuSecond?: number }> {
  const chains = server.pool.splice(0, CONNECTIONS);
  if (chains.length < CONNECTIONS) throw new Error('not enough refresh-token chains left');
  const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  const target = new URL(server.url);
  const cpuBefore = cpuSeconds(server.pid);
  const generatorBefore = process.cpuUsage();
  const schedBefore = schedstat(server.pid);
  const until = Date.now() + seconds * 1000;
  let done = 0;
  let failure = '';
  const post = (body: string) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpRequest(
        {
          agent,
          host: target.hostname,
          port: target.port,
          path: target.pathname,
          method: 'POST',
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            'content-length': Buffer.byteLength(body),
          },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (c) => {
            text += c;
          });
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  await Promise.all(
    chains.map(async (first) => {
      let rt = first;
      while (Date.now() < until && !failure) {
        const r = await post(
          `grant_type=refresh_token&client_id=${encodeURIComponent(server.clientId)}&refresh_token=${encodeURIComponent(rt)}`,
        );
        if (r.status !== 200) {
          failure = `${r.status} ${r.body.slice(0, 300)}`;
          return;
        }
        rt = (JSON.parse(r.body) as { refresh_token: string }).refresh_token;
        done++;
      }
    }),
  );
  const cpuAfter = cpuSeconds(server.pid);
  const generator = process.cpuUsage(generatorBefore);
  agent.destroy();
  if (failure) throw new Error(`refresh failed at ${server.url}: ${failure}`);
  const cpu = cpuBefore !== undefined && cpuAfter !== undefined ? cpuAfter - cpuBefore : 0;
  if (SCHED && log) log(schedulingNote(seconds, done, generator, cpu, schedBefore, schedstat(server.pid)));
  return { perSecond: done / seconds, ...(cpu > 0 ? { perCpuSecond: done / cpu } : {}) };
}

function pinSelf(cores: string): void {
  if (!pinned) return;
  try {
    execFileSync('taskset', ['-cp', cores, String(process.pid)], { stdio: 'ignore' });
  } catch {
    // Best effort: without taskset the figures are still ratios from the same run.
  }
}

function refreshEndpoint(alg: 'ES256', engine: 'sqlite' | 'postgres'): Benchmark {
  const name = `token-endpoint-refresh-${alg.toLowerCase()}${engine === 'postgres' ? '-postgres' : ''}`;
  return {
    name,
    description: `refresh_token grant with rotation, tokens/s (${alg}, 50 connections, one core each, Consentry on ${engine}) vs oidc-provider 8.x`,
    async run(log) {
      const pgSchema = engine === 'postgres' ? await benchSchema('refresh') : undefined;
      if (engine === 'postgres' && !pgSchema) {
        log('  skipped: PostgreSQL not reachable');
        return [];
      }
      const database = pgSchema ? [pgSchema.url, pgSchema.schema] : [];
      const figures: Record<string, number[]> = { consentry: [], 'oidc-provider': [] };
      const ratios: number[] = [];
      // Tokens per CPU-second of each server process: what one core would serve if it were the
      // server's alone — steadier than wall-clock throughput on a shared machine.
      const perCpu: Record<string, number[]> = { consentry: [], 'oidc-provider': [] };
      const cpuRatios: number[] = [];
      pinSelf(LOAD_CORE);
      const servers = new Map<string, Running>();
      const children: ChildProcess[] = [];
      try {
        for (const t of TARGETS) servers.set(t.label, await startServer(t, alg, children, database));
        for (const t of TARGETS) await load(servers.get(t.label)!, 1); // warm-up (JIT)
        for (let r = 0; r < ROUNDS; r++) {
          const order = r % 2 ? [...TARGETS].reverse() : TARGETS;
          const round: Record<string, number> = {};
          const cpuRound: Record<string, number | undefined> = {};
          for (const t of order) {
            const figure = await load(servers.get(t.label)!, SECONDS, (line) => log(`${line} (${t.label})`));
            round[t.label] = figure.perSecond;
            cpuRound[t.label] = figure.perCpuSecond;
          }
          for (const [k, v] of Object.entries(round)) figures[k]!.push(v);
          ratios.push(round.consentry! / round['oidc-provider']!);
          const [c, o] = [cpuRound.consentry, cpuRound['oidc-provider']];
          if (c !== undefined && o !== undefined) {
            perCpu.consentry!.push(c);
            perCpu['oidc-provider']!.push(o);
            cpuRatios.push(c / o);
          }
          log(
            `  round ${r + 1}: consentry ${round.consentry!.toFixed(0)}, oidc-provider ${round['oidc-provider']!.toFixed(0)} tokens/s` +
              (c !== undefined && o !== undefined
                ? `; per server CPU-second ${c.toFixed(0)} vs ${o.toFixed(0)} (${(c / o).toFixed(2)})`
                : ''),
          );
        }
      } finally {
        // Wait for the children to exit: a CPU profile (BENCH_CPU_PROF) is written on the way out.
        await Promise.all(
          children.map(
            (child) =>
              new Promise<void>((resolve) => {
                if (child.exitCode !== null) return resolve();
                child.once('exit', () => resolve());
                child.kill('SIGTERM');
              }),
          ),
        );
        pinSelf(`0-${availableParallelism() - 1}`);
        await pgSchema?.drop();
      }
      const result: BenchResult = {
        name,
        value: median(figures.consentry!),
        unit: 'tokens/s',
        baseline: `oidc-provider 8.x, refresh_token grant with rotation + JWT ${alg}, one core (Consentry on ${engine})`,
        baselineValue: median(figures['oidc-provider']!),
        ratio: Number(median(ratios).toFixed(3)),
        details: {
          targetVsOidcProvider: 1.5,
          connections: CONNECTIONS,
          rounds: ROUNDS,
          secondsPerRound: SECONDS,
          ...(cpuRatios.length === ROUNDS
            ? {
                consentryTokensPerCpuSecond: Math.round(median(perCpu.consentry!)),
                oidcProviderTokensPerCpuSecond: Math.round(median(perCpu['oidc-provider']!)),
                ratioPerCpuSecond: Number(median(cpuRatios).toFixed(3)),
              }
            : {}),
        },
      };
      return [result];
    },
  };
}

export const tokenEndpointRefreshEs256 = refreshEndpoint('ES256', 'sqlite');
/** The same with Consentry on PostgreSQL (BENCH_DATABASE_URL, else the local server); the server's pool runs on the same core, PostgreSQL itself does not. */
export const tokenEndpointRefreshEs256Postgres = refreshEndpoint('ES256', 'postgres');
