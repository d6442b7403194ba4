import { performance } from 'node:perf_hooks';

/**
 * The benchmark harness (shared/design/BENCHMARKS.md): every figure is a ratio against a baseline
 * measured in the same run; each benchmark warms up, runs several rounds and reports the median.
 */
export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  baseline?: string;
  baselineValue?: number;
  ratio?: number;
  /** Extra figures (provider calls, callers served, …). */
  details?: Record<string, number | string>;
}

export interface Benchmark {
  name: string;
  description: string;
  run(log: (line: string) => void): Promise<BenchResult[]>;
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * Operations per second of `op` (async), median of `rounds` rounds of `roundMs` each, after a
 * warm-up. Sequential: it measures the cost of one call, not the machine's parallelism.
 */
export async function opsPerSecond(
  op: () => Promise<unknown> | unknown,
  options: { rounds?: number; roundMs?: number; warmupMs?: number } = {},
): Promise<number> {
  const { rounds = 5, roundMs = 700, warmupMs = 500 } = options;
  const runFor = async (ms: number) => {
    let n = 0;
    const start = performance.now();
    let now = start;
    while (now - start < ms) {
      for (let i = 0; i < 50; i++) await op();
      n += 50;
      now = performance.now();
    }
    return (n * 1000) / (now - start);
  };
  await runFor(warmupMs);
  const results: number[] = [];
  for (let r = 0; r < rounds; r++) results.push(await runFor(roundMs));
  return median(results);
}

/**
 * Alternates baseline and subject rounds so both see the same machine conditions (shared,
 * noisy machines): the ratio is the median of per-pair ratios.
 */
export async function pairedRatio(
  subject: () => Promise<unknown> | unknown,
  baseline: () => Promise<unknown> | unknown,
  options: { rounds?: number; roundMs?: number } = {},
): Promise<{ subject: number; baseline: number; ratio: number }> {
  const rounds = options.rounds ?? 7;
  const roundMs = options.roundMs ?? 500;
  const s: number[] = [];
  const b: number[] = [];
  const r: number[] = [];
  await opsPerSecond(subject, { rounds: 1, roundMs: 300, warmupMs: 300 });
  await opsPerSecond(baseline, { rounds: 1, roundMs: 300, warmupMs: 300 });
  for (let i = 0; i < rounds; i++) {
    const bv = await opsPerSecond(baseline, { rounds: 1, roundMs, warmupMs: 0 });
    const sv = await opsPerSecond(subject, { rounds: 1, roundMs, warmupMs: 0 });
    b.push(bv);
    s.push(sv);
    r.push(sv / bv);
  }
  return { subject: median(s), baseline: median(b), ratio: median(r) };
}
