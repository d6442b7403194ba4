#!/usr/bin/env node
// The `consentry` command: runs the compiled CLI (dist/cli/main.js). Nothing is built at run time;
// `npm ci` / `npm install` in a clone builds dist/ (the `prepare` script), the published package
// ships it.
import { existsSync } from 'node:fs';

const entry = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('consentry: dist/ is missing — run `npm run build` in the Consentry checkout.\n');
  process.exit(1);
}
await import(entry.href);
