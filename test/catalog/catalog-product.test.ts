import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { prepareClientRegistration, registrationGuide } from '../../src/catalog/api.ts';
import { catalogCounts, renderCount, updateGeneratedSections } from '../../src/catalog/catalog-doc.ts';
import { CATEGORIES } from '../../src/catalog/provider.ts';
import { CATALOG, CATALOG_ALIASES } from '../../src/catalog/providers/index.ts';
import { ProviderRegistry } from '../../src/catalog/registry.ts';
import { exampleValues } from './generated-facts.ts';
import { storedSecretFor } from './support.ts';

/** The catalog as a product: its size, its categories, aliases, and the docs generated from it. */
const registry = new ProviderRegistry(CATALOG);
for (const alias of CATALOG_ALIASES) registry.addAlias(alias);
const root = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));

describe('catalog as a product', () => {
  it('has at least 300 named authorization-code providers, each one data file listed in the index', () => {
    const counts = catalogCounts(registry);
    expect(counts.providers).toBeGreaterThanOrEqual(300);
    expect(counts.generic).toBe(2);
    const files = readdirSync(root('src/catalog/providers'))
      .filter((f) => f.endsWith('.ts'))
      .map((f) => f.slice(0, -3))
      .filter((f) => !['index', 'shapes', 'aliases', 'oidc-scopes', 'demo'].includes(f))
      .sort();
    expect(files).toEqual(CATALOG.map((p) => p.key).sort());
  });

  it('every entry names its categories itself (no default) and has a docs link for registering the app', () => {
    const withoutCategories = CATALOG.filter((p) => !p.categories?.length).map((p) => p.key);
    expect(withoutCategories).toEqual([]);
    const withoutDocs = registry
      .all()
      .filter((p) => !['oidc', 'custom'].includes(p.key) && !p.docs.registerUrl)
      .map((p) => p.key);
    expect(withoutDocs).toEqual([]);
    for (const p of registry.all()) for (const c of p.categories) expect(CATEGORIES).toContain(c);
    // Every category but the catch-alls is used by several providers.
    const crm = registry.all().filter((p) => p.categories.includes('crm'));
    expect(crm.map((p) => p.key)).toEqual(expect.arrayContaining(['hubspot', 'salesforce', 'pipedrive']));
  });

  it('aliases resolve to their entry, never copy it, and bad aliases are refused', () => {
    expect(registry.aliases().length).toBe(CATALOG_ALIASES.length);
    const gmail = registry.alias('google-mail')!;
    expect(gmail).toMatchObject({ of: 'google', preset: 'mail', displayName: 'Gmail' });
    expect(registry.get('google-mail')).toBe(registry.get('google'));
    expect(registry.get('outlook').key).toBe('microsoft');
    // No alias key is also an entry key (an alias is not a copy).
    for (const a of registry.aliases())
      expect(
        CATALOG.some((p) => p.key === a.key),
        a.key,
      ).toBe(false);
    const r = new ProviderRegistry(CATALOG);
    const base = { displayName: 'X', categories: ['crm' as const] };
    expect(() => r.addAlias({ ...base, key: 'zz', of: 'nope' })).toThrow(/unknown provider nope/);
    expect(() => r.addAlias({ ...base, key: 'zz', of: 'google', preset: 'crm' })).toThrow(/preset crm/);
    expect(() => r.addAlias({ ...base, key: 'github', of: 'google' })).toThrow(/already taken/);
    expect(() => r.addAlias({ ...base, key: 'Bad Key', of: 'google' })).toThrow(/PROVIDER_INVALID|invalid/i);
  });

  it('README.md and docs/providers.md carry the generated count and table, up to date with the data', () => {
    for (const file of ['README.md', 'docs/providers.md']) {
      const text = readFileSync(root(file), 'utf8');
      expect(text, file).toContain(
        `<!-- generated:count -->${renderCount(registry)}<!-- /generated:count -->`,
      );
      expect(updateGeneratedSections(text, registry), `${file}: run npm run docs:providers`).toBe(text);
    }
    const doc = readFileSync(root('docs/providers.md'), 'utf8');
    // Every provider (with its docs link) and every alias is in the generated table.
    for (const p of registry.all()) {
      expect(doc).toContain(`| \`${p.key}\` |`);
      if (p.docs.registerUrl) expect(doc).toContain(`(${p.docs.registerUrl})`);
    }
    for (const a of registry.aliases()) expect(doc).toContain(`| \`${a.key}\` |`);
  });

  it('a stale generated section is detected and rewritten', () => {
    const stale = 'x <!-- generated:count -->12 providers<!-- /generated:count --> y';
    const fresh = updateGeneratedSections(stale, registry);
    expect(fresh).not.toBe(stale);
    expect(fresh).toBe(`x <!-- generated:count -->${renderCount(registry)}<!-- /generated:count --> y`);
  });

  it('every entry can be registered with its example values, and gets a registration guide', async () => {
    const redirect = 'https://consentry.example.com/oauth/callback';
    let registered = 0;
    for (const p of registry.all()) {
      // `custom` takes typed-in endpoints and Mastodon registers itself: both have their own tests.
      if (p.key === 'custom' || p.key === 'mastodon') continue;
      const guide = registrationGuide(registry, [], redirect, p.key);
      expect(guide.redirectUri, p.key).toBe(redirect);
      expect(guide.steps.length, p.key).toBeGreaterThan(0);
      expect(guide.fields.map((f) => f.name).slice(0, 2), p.key).toEqual(['client_id', 'client_secret']);
      const prepared = await prepareClientRegistration(registry, {
        providerKey: p.key,
        name: 'Test',
        clientId: `client-${p.key}`,
        clientSecret: await storedSecretFor(p.key),
        templateValues: exampleValues(p),
      });
      expect(prepared.providerKey, p.key).toBe(p.key);
      registered++;
    }
    expect(registered).toBe(registry.all().length - 2);
    // An alias registers under its entry.
    const viaAlias = await prepareClientRegistration(registry, {
      providerKey: 'google-mail',
      name: 'Mail',
      clientId: 'id.apps.googleusercontent.com',
      clientSecret: 's',
    });
    expect(viaAlias.providerKey).toBe('google');
  });
});
