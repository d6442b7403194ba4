#!/usr/bin/env node
// The `consentry` command: runs the compiled CLI. Nothing is built at run time; `npm ci` /
// `npm install` in a clone builds dist/ (the `prepare` script), the published package ships it.
// dist/cli-bundle/ is the same CLI bundled at build time (scripts/build.mjs: a command loads a few
// files instead of ~800 modules); dist/cli/main.js when the bundle was not built.
import { existsSync } from 'node:fs';

const bundle = new URL('../dist/cli-bundle/main.js', import.meta.url);
const entry = existsSync(bundle) ? bundle : new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('consentry: dist/ is missing — run `npm run build` in the Consentry checkout.\n');
  process.exit(1);
}
await import(entry.href);
