import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';
import { type Benchmark, type BenchResult, median } from '../harness.ts';

/**
 * Provider role: client_credentials tokens per second over HTTP, 50 connections on 127.0.0.1.
 * Three servers, each a child process pinned to the same single core (taskset -c 1), measured one
 * after the other in alternating rounds while the load generator runs on the other core:
 *   - Consentry (`createConsentry`: Fastify, SQLite, every plugin, the real /oauth2-token);
 *   - oidc-provider 8.x on the same job (client_credentials, client_secret_basic, JWT access
 *     tokens via resource indicators, the same alg);
 *   - a bare node:http + jose server doing only the unavoidable work (the floor).
 * Targets (BENCHMARKS.md): ≥ 1.5× oidc-provider, ≥ 0.6× bare.
 */
const root = join(import.meta.dirname, '..', '..');
const SERVER_CORE = '1';
const LOAD_CORE = '0';

interface Target {
  label: string;
  file: string;
}

const TARGETS: Target[] = [
  { label: 'consentry', file: 'bench/baselines/consentry-token-server.ts' },
  { label: 'oidc-provider', file: 'bench/baselines/oidc-provider-cc.ts' },
  { label: 'bare', file: 'bench/baselines/bare-jose-server.ts' },
];

interface Running {
  url: string;
  authorization: string;
}

const pinned = availableParallelism() > 1;

async function startServer(target: Target, alg: string, children: ChildProcess[]): Promise<Running> {
  const args = ['--import', 'tsx', join(root, target.file), alg];
  const child = pinned
    ? spawn('taskset', ['-c', SERVER_CORE, process.execPath, ...args], {
        cwd: root,
        stdio: ['ignore', 'pipe', 'inherit'],
      })
    : spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child); // killed by the caller whatever happens next
  const line = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${target.label} did not start`)), 30_000);
    createInterface({ input: child.stdout! }).once('line', (l) => {
      clearTimeout(timer);
      resolve(l);
    });
    child.once('exit', (code) => reject(new Error(`${target.label} exited (${code})`)));
  });
  const info = JSON.parse(line) as { port: number; path: string; clientId: string; secret: string };
  const authorization = `Basic ${Buffer.from(`${encodeURIComponent(info.clientId)}:${encodeURIComponent(info.secret)}`).toString('base64')}`;
  const running = { url: `http://127.0.0.1:${info.port}${info.path}`, authorization };
  // Sanity: one real token before measuring, so an error page is never counted as throughput.
  const res = await fetch(running.url, {
    method: 'POST',
    headers: { authorization, 'content-type': 'application/x-www-form-urlencoded' },
    body: 'grant_type=client_credentials',
  });
  const body = (await res.json()) as { access_token?: string };
  if (res.status !== 200 || !body.access_token?.includes('.'))
    throw new Error(`${target.label}: token request failed (${res.status})`);
  return running;
}

async function load(server: Running, seconds: number): Promise<number> {
  const result = await autocannon({
    url: server.url,
    method: 'POST',
    connections: 50,
    duration: seconds,
    headers: { authorization: server.authorization, 'content-type': 'application/x-www-form-urlencoded' },
    body: 'grant_type=client_credentials',
  });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`non-2xx ${result.non2xx}, errors ${result.errors} at ${server.url}`);
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

function tokenEndpoint(alg: 'ES256' | 'RS256'): Benchmark {
  const name = `token-endpoint-${alg.toLowerCase()}`;
  return {
    name,
    description: `client_credentials tokens/s (${alg}, 50 connections, one core each) vs oidc-provider 8.x and bare node:http + jose`,
    async run(log) {
      const rounds = 3;
      const seconds = 2;
      const figures: Record<string, number[]> = { consentry: [], 'oidc-provider': [], bare: [] };
      const vsOidc: number[] = [];
      const vsBare: number[] = [];
      pinSelf(LOAD_CORE);
      const servers = new Map<string, Running>();
      const children: ChildProcess[] = [];
      try {
        for (const t of TARGETS) servers.set(t.label, await startServer(t, alg, children));
        for (const t of TARGETS) await load(servers.get(t.label)!, 1); // warm-up (JIT)
        for (let r = 0; r < rounds; r++) {
          // Rotate the order so no server always runs first or last.
          const order = [...TARGETS.slice(r % 3), ...TARGETS.slice(0, r % 3)];
          const round: Record<string, number> = {};
          for (const t of order) round[t.label] = await load(servers.get(t.label)!, seconds);
          for (const [k, v] of Object.entries(round)) figures[k]!.push(v);
          vsOidc.push(round.consentry! / round['oidc-provider']!);
          vsBare.push(round.consentry! / round.bare!);
          log(
            `  round ${r + 1}: consentry ${round.consentry!.toFixed(0)}, oidc-provider ${round['oidc-provider']!.toFixed(0)}, bare ${round.bare!.toFixed(0)} tokens/s`,
          );
        }
      } finally {
        for (const child of children) child.kill('SIGTERM');
        pinSelf(`0-${availableParallelism() - 1}`);
      }
      const result: BenchResult = {
        name,
        value: median(figures.consentry!),
        unit: 'tokens/s',
        baseline: `oidc-provider 8.x, client_credentials + JWT ${alg}, one core`,
        baselineValue: median(figures['oidc-provider']!),
        ratio: Number(median(vsOidc).toFixed(3)),
        details: {
          bare: Math.round(median(figures.bare!)),
          ratioVsBare: Number(median(vsBare).toFixed(3)),
          targetVsOidcProvider: 1.5,
          targetVsBare: 0.6,
          connections: 50,
          rounds,
          secondsPerRound: seconds,
        },
      };
      return [result];
    },
  };
}

export const tokenEndpointEs256 = tokenEndpoint('ES256');
export const tokenEndpointRs256 = tokenEndpoint('RS256');
