import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOG, CATALOG_ALIASES } from '../../src/catalog/providers/index.ts';
import { ProviderRegistry } from '../../src/catalog/registry.ts';

/**
 * The CLI's listings read the catalog `npm run build` validated (dist/catalog/catalog.json,
 * scripts/build.mjs) instead of loading 300+ modules (issue 15). It must be the sources' catalog,
 * entry for entry: the test suite's global setup rebuilds dist/ when a source is newer.
 */
const file = join(import.meta.dirname, '..', '..', 'dist', 'catalog', 'catalog.json');

describe('the prebuilt catalog', () => {
  it('equals the catalog validated from the sources, providers and aliases', () => {
    expect(existsSync(file)).toBe(true);
    const prebuilt = JSON.parse(readFileSync(file, 'utf8'));
    const fromSources = new ProviderRegistry(CATALOG);
    for (const alias of CATALOG_ALIASES) fromSources.addAlias(alias);
    // Through JSON both ways: a property left undefined is absent in the file.
    const plain = (v: unknown) => JSON.parse(JSON.stringify(v));
    expect(prebuilt.providers.length).toBe(fromSources.all().length);
    expect(prebuilt.providers).toEqual(plain(fromSources.all()));
    expect(prebuilt.aliases).toEqual(plain(fromSources.aliases()));
  });

  it('gives a registry that answers as the validated one does', () => {
    const prebuilt = ProviderRegistry.fromValidated(JSON.parse(readFileSync(file, 'utf8')));
    const fromSources = new ProviderRegistry(CATALOG);
    for (const alias of CATALOG_ALIASES) fromSources.addAlias(alias);
    expect(prebuilt.all().map((p) => p.key)).toEqual(fromSources.all().map((p) => p.key));
    expect(prebuilt.aliases().map((a) => a.key)).toEqual(fromSources.aliases().map((a) => a.key));
    for (const key of ['google', 'microsoft', 'zoho', 'apple'])
      expect(JSON.parse(JSON.stringify(prebuilt.get(key)))).toEqual(
        JSON.parse(JSON.stringify(fromSources.get(key))),
      );
    expect(prebuilt.quirksOf(prebuilt.get('apple'))).toBe(fromSources.quirksOf(fromSources.get('apple')));
  });

  it('refuses an entry naming a quirk module that does not exist', () => {
    const google = JSON.parse(JSON.stringify(new ProviderRegistry(CATALOG).get('google')));
    expect(() =>
      ProviderRegistry.fromValidated({ providers: [{ ...google, quirks: 'nope' }], aliases: [] }),
    ).toThrow(/unknown quirk module nope/);
  });
});
