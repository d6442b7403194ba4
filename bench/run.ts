import { BENCHMARKS } from './benchmarks/index.ts';
import type { BenchResult } from './harness.ts';

/**
 * `npm run -s bench [-- --only NAME] [-- --json]`. With --json, stdout carries exactly one JSON array;
 * progress goes to stderr.
 */
const args = process.argv.slice(2);
const json = args.includes('--json');
const onlyIndex = args.indexOf('--only');
const only = onlyIndex >= 0 ? args[onlyIndex + 1] : undefined;

const log = (line: string) => process.stderr.write(`${line}\n`);
// An exact name runs that benchmark alone; otherwise NAME is a prefix (`--only token-endpoint`).
const exact = BENCHMARKS.filter((b) => b.name === only);
const selected = exact.length ? exact : BENCHMARKS.filter((b) => !only || b.name.startsWith(only));
if (selected.length === 0) {
  log(`No benchmark named ${only}. Known: ${BENCHMARKS.map((b) => b.name).join(', ')}`);
  process.exit(2);
}

const results: BenchResult[] = [];
for (const bench of selected) {
  log(`▶ ${bench.name}: ${bench.description}`);
  const out = await bench.run(log);
  for (const r of out) {
    results.push(r);
    log(
      `  ${r.name}: ${r.value.toFixed(1)} ${r.unit}${r.baselineValue !== undefined ? ` vs ${r.baselineValue.toFixed(1)} (${r.baseline})` : ''}${r.ratio !== undefined ? ` → ratio ${r.ratio.toFixed(2)}` : ''}${r.details ? ` ${JSON.stringify(r.details)}` : ''}`,
    );
  }
}
if (json) process.stdout.write(`${JSON.stringify(results)}\n`);
process.exit(0);
