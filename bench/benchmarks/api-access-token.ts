import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';
import { type Benchmark, type BenchResult, median } from '../harness.ts';

/**
 * JSON API (issue 13): `POST /api/v1/connections/{id}/access-token` for a valid token over HTTP,
 * 50 connections on 127.0.0.1, the server a child process pinned to one core (taskset -c 1), the
 * load generator on the other. Compared with
 *   - the in-process `ensureFresh` rate on the same connection, measured in the server process on
 *     the same core, between the HTTP rounds (what the HTTP layer, API-key check and JSON cost on
 *     top);
 *   - a bare Fastify route returning a fixed JSON body of the same shape, same core, measured in
 *     alternating rounds (how far the API is from the framework's own floor).
 */
const root = join(import.meta.dirname, '..', '..');
const SERVER_CORE = '1';
const LOAD_CORE = '0';
const pinned = availableParallelism() > 1;

interface Started {
  url: string;
  headers: Record<string, string>;
  /** Asks the server process for its in-process ensureFresh rate (Consentry only). */
  measure: () => Promise<number>;
}

async function start(file: string, children: ChildProcess[]): Promise<Started> {
  const args = ['--import', 'tsx', join(root, file)];
  const child = pinned
    ? spawn('taskset', ['-c', SERVER_CORE, process.execPath, ...args], {
        cwd: root,
        stdio: ['pipe', 'pipe', 'inherit'],
      })
    : spawn(process.execPath, args, { cwd: root, stdio: ['pipe', 'pipe', 'inherit'] });
  children.push(child);
  const lines = createInterface({ input: child.stdout! });
  const nextLine = (timeoutMs: number) =>
    new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${file} did not answer`)), timeoutMs);
      lines.once('line', (l) => {
        clearTimeout(timer);
        resolve(l);
      });
      child.once('exit', (code) => reject(new Error(`${file} exited (${code})`)));
    });
  const info = JSON.parse(await nextLine(120_000)) as { port: number; path: string; key?: string };
  const started: Started = {
    url: `http://127.0.0.1:${info.port}${info.path}`,
    headers: info.key ? { authorization: `Bearer ${info.key}` } : {},
    measure: async () => {
      child.stdin!.write('measure\n');
      return (JSON.parse(await nextLine(60_000)) as { inProcess: number }).inProcess;
    },
  };
  // Sanity: a real token before measuring, so an error answer is never counted as throughput.
  const res = await fetch(started.url, { method: 'POST', headers: started.headers });
  const body = (await res.json()) as { access_token?: string };
  if (res.status !== 200 || !body.access_token) throw new Error(`${file}: ${res.status}`);
  return started;
}

async function load(s: Started, seconds: number): Promise<number> {
  const result = await autocannon({
    url: s.url,
    method: 'POST',
    connections: 50,
    duration: seconds,
    headers: s.headers,
  });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`non-2xx ${result.non2xx}, errors ${result.errors}`);
  return result.requests.total / seconds;
}

function pinSelf(cores: string): void {
  if (!pinned) return;
  try {
    execFileSync('taskset', ['-cp', cores, String(process.pid)], { stdio: 'ignore' });
  } catch {
    // Best effort: without taskset the figures are still ratios from the same run.
  }
}

export const apiAccessToken: Benchmark = {
  name: 'api-access-token',
  description:
    'POST /api/v1/connections/{id}/access-token (valid token, 50 connections, one core) vs in-process ensureFresh and a bare Fastify JSON route',
  async run(log) {
    const rounds = 5;
    const seconds = 2;
    const api: number[] = [];
    const bare: number[] = [];
    const inProc: number[] = [];
    const vsBare: number[] = [];
    const vsInProcess: number[] = [];
    const children: ChildProcess[] = [];
    pinSelf(LOAD_CORE);
    try {
      const consentry = await start('bench/baselines/consentry-api-server.ts', children);
      const floor = await start('bench/baselines/bare-fastify-json.ts', children);
      await load(consentry, 1); // warm-up (JIT)
      await load(floor, 1);
      for (let r = 0; r < rounds; r++) {
        // Rotate the order so no measurement always runs first.
        const round: Record<'api' | 'bare' | 'inProcess', number> = { api: 0, bare: 0, inProcess: 0 };
        const kinds = ['api', 'bare', 'inProcess'] as const;
        for (const which of [...kinds.slice(r % 3), ...kinds.slice(0, r % 3)])
          round[which] =
            which === 'inProcess'
              ? await consentry.measure()
              : await load(which === 'api' ? consentry : floor, seconds);
        api.push(round.api);
        bare.push(round.bare);
        inProc.push(round.inProcess);
        vsBare.push(round.api / round.bare);
        vsInProcess.push(round.api / round.inProcess);
        log(
          `  round ${r + 1}: api ${round.api.toFixed(0)} req/s, bare Fastify ${round.bare.toFixed(0)} req/s, in-process ensureFresh ${round.inProcess.toFixed(0)} ops/s`,
        );
      }
    } finally {
      for (const child of children) child.kill('SIGTERM');
      pinSelf(`0-${availableParallelism() - 1}`);
    }
    const result: BenchResult = {
      name: 'api-access-token',
      value: median(api),
      unit: 'req/s',
      baseline: 'in-process ensureFresh on the same core',
      baselineValue: median(inProc),
      ratio: Number(median(vsInProcess).toFixed(3)),
      details: {
        bareFastify: Math.round(median(bare)),
        ratioVsBareFastify: Number(median(vsBare).toFixed(3)),
        connections: 50,
        rounds,
        secondsPerRound: seconds,
      },
    };
    return [result];
  },
};
