#!/usr/bin/env node
// The `consentry` command: runs the compiled CLI. Nothing is built at run time; `npm ci` /
// `npm install` in a clone builds dist/ (the `prepare` script), the published package ships it.
// dist/cli-bundle/main.cjs is the same CLI bundled at build time (scripts/build.mjs: one file
// instead of ~800 modules), run by dist/cli-bundle/loader.cjs with the V8 code cache made beside
// it (src/cli/code-cache.ts); dist/cli/main.js when the bundle was not built.
// CommonJS (bin/package.json), like the bundle: starting Node's ES module loader for this file
// alone cost ≈ 5–10 ms of every command (issue 15).
'use strict';
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const { pathToFileURL } = require('node:url');

const dist = join(__dirname, '..', 'dist');
const loader = join(dist, 'cli-bundle', 'loader.cjs');
const bundle = join(dist, 'cli-bundle', 'main.cjs');
if (existsSync(loader) && existsSync(bundle)) {
  require(loader).runBundle(bundle);
} else {
  const entry = join(dist, 'cli', 'main.js');
  if (!existsSync(entry)) {
    process.stderr.write('consentry: dist/ is missing — run `npm run build` in the Consentry checkout.\n');
    process.exit(1);
  }
  import(pathToFileURL(entry).href);
}
