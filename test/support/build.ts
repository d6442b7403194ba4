import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * Vitest global setup: suites that spawn `npm start` or `bin/consentry.js` run the compiled
 * dist/, so compile it first when a source is newer than the last build (a no-op otherwise).
 */
export default function setup(): void {
  const root = join(import.meta.dirname, '..', '..');
  const run = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], {
    cwd: root,
    stdio: 'inherit',
  });
  if (run.status !== 0) throw new Error('the build (scripts/build.mjs) failed');
}
