#!/usr/bin/env node
// Compiles src/ to dist/ (ESM JavaScript, declarations, source maps) with tsc -p tsconfig.build.json.
//   node scripts/build.mjs           build only when a source is newer than the last build (npm start,
//                                    prepare, the test suite's global setup): a clone that is already
//                                    built starts without compiling anything
//   node scripts/build.mjs --force   build now (incremental)
//   node scripts/build.mjs --clean   empty dist/ first (prepack: no file from a deleted source ships)
// The CLI and the server never build at run time; they run dist/.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const stamp = join(root, 'dist', '.tsbuildinfo');
const args = new Set(process.argv.slice(2));

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts'))
      newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function stale() {
  if (!existsSync(stamp) || !existsSync(join(root, 'dist', 'index.js'))) return true;
  const built = statSync(stamp).mtimeMs;
  const inputs = [join(root, 'tsconfig.json'), join(root, 'tsconfig.build.json')].map(
    (f) => statSync(f).mtimeMs,
  );
  return Math.max(newestSource(join(root, 'src')), ...inputs) > built;
}

if (args.has('--clean')) rmSync(join(root, 'dist'), { recursive: true, force: true });
if (args.has('--clean') || args.has('--force') || stale()) {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const run = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], {
    cwd: root,
    stdio: 'inherit',
  });
  if (run.status !== 0) {
    process.stderr.write('consentry: the build failed (tsc -p tsconfig.build.json).\n');
    process.exit(run.status ?? 1);
  }
}
