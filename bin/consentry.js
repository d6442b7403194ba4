#!/usr/bin/env node
// The `consentry` command: runs the compiled CLI. Nothing is built at run time; `npm ci` /
// `npm install` in a clone builds dist/ (the `prepare` script), the published package ships it.
// dist/cli-bundle/main.cjs is the same CLI bundled at build time (scripts/build.mjs: one file
// instead of ~800 modules), run with the V8 code cache made beside it (dist/cli/code-cache.js);
// dist/cli/main.js when the bundle was not built.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = new URL('../dist/cli-bundle/main.cjs', import.meta.url);
const loader = new URL('../dist/cli/code-cache.js', import.meta.url);
if (existsSync(bundle) && existsSync(loader)) {
  const { runBundle } = await import(loader.href);
  runBundle(fileURLToPath(bundle));
} else {
  const entry = new URL('../dist/cli/main.js', import.meta.url);
  if (!existsSync(entry)) {
    process.stderr.write('consentry: dist/ is missing — run `npm run build` in the Consentry checkout.\n');
    process.exit(1);
  }
  await import(entry.href);
}
