/**
 * Regenerates the catalog parts of README.md and docs/providers.md from the provider data
 * (`npm run docs:providers`); `--check` only reports whether they are up to date (exit 1 if not).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { updateGeneratedSections } from '../src/catalog/catalog-doc.ts';
import { CATALOG, CATALOG_ALIASES } from '../src/catalog/providers/index.ts';
import { ProviderRegistry } from '../src/catalog/registry.ts';

const FILES = ['README.md', 'docs/providers.md'];

const registry = new ProviderRegistry(CATALOG);
for (const alias of CATALOG_ALIASES) registry.addAlias(alias);
const check = process.argv.includes('--check');
let stale = 0;
for (const file of FILES) {
  const path = fileURLToPath(new URL(`../${file}`, import.meta.url));
  const before = readFileSync(path, 'utf8');
  const after = updateGeneratedSections(before, registry);
  if (before === after) continue;
  stale++;
  if (check) process.stderr.write(`${file} is out of date: run npm run docs:providers\n`);
  else writeFileSync(path, after);
}
process.exit(check && stale ? 1 : 0);
