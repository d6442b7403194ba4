import { readFileSync } from 'node:fs';
import { relative } from 'node:path';

/**
 * Summarises a V8 CPU profile (`node --cpu-prof`, e.g. `BENCH_CPU_PROF=DIR npm run bench -- --only
 * token-endpoint-refresh`): the functions with the most self time and the most inclusive time
 * ("total": the share of samples with the function anywhere on the stack), as % of all samples.
 * Usage: `npx tsx bench/profile-summary.ts FILE.cpuprofile [TOP=25] [FILTER]` — FILTER keeps only
 * inclusive rows whose location contains it (e.g. `src/`).
 */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
}

const [file, topArg, filter] = process.argv.slice(2);
if (!file) {
  process.stderr.write('usage: profile-summary FILE.cpuprofile [TOP] [FILTER]\n');
  process.exit(2);
}
const top = Number(topArg ?? 25);
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

const label = (n: ProfileNode) => {
  const { functionName, url, lineNumber } = n.callFrame;
  const where = url ? `${relative(process.cwd(), url.replace(/^file:\/\//, ''))}:${lineNumber + 1}` : '';
  return `${functionName || '(anonymous)'} ${where}`.trim();
};

const self = new Map<string, number>();
const total = new Map<string, number>();
let counted = 0;
for (const id of profile.samples) {
  const node = byId.get(id)!;
  const name = label(node);
  if (name === '(idle)') continue;
  counted++;
  self.set(name, (self.get(name) ?? 0) + 1);
  const seen = new Set<string>();
  for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
    const l = label(byId.get(cur)!);
    if (seen.has(l)) continue;
    seen.add(l);
    total.set(l, (total.get(l) ?? 0) + 1);
  }
}
const idle = profile.samples.length - counted;
const pct = (n: number) => `${((100 * n) / counted).toFixed(1).padStart(5)} %`;
const print = (title: string, m: Map<string, number>, keep: (l: string) => boolean) => {
  process.stdout.write(`\n${title}\n`);
  for (const [l, n] of [...m]
    .filter(([l]) => keep(l))
    .sort((a, b) => b[1] - a[1])
    .slice(0, top))
    process.stdout.write(`${pct(n)}  ${l}\n`);
};
process.stdout.write(
  `${file}: ${profile.samples.length} samples, ${idle} idle (${((100 * idle) / profile.samples.length).toFixed(1)} %); shares below are of the ${counted} busy samples\n`,
);
print('self', self, () => true);
print('total (inclusive)', total, (l) => !filter || l.includes(filter));
