import { describe, expect, it } from 'vitest';
import { scopesFor } from '../../src/catalog/api.ts';
import { CATALOG, CATALOG_ALIASES } from '../../src/catalog/providers/index.ts';
import { ProviderRegistry } from '../../src/catalog/registry.ts';
import { fillTemplate, urlTemplateValues, validateTemplateValues } from '../../src/catalog/template.ts';
import { buildAuthorizationUrl } from '../../src/protocol/grant.ts';
import { openProviderSession } from '../../src/protocol/provider-session.ts';
import { allFacts, exampleScopes, generatedFacts } from './generated-facts.ts';
import { FACTS } from './provider-facts.ts';
import { clientFor, REDIRECT_URI, SETTINGS, storedSecretFor } from './support.ts';

/**
 * Every entry's consent URL, built the way OAuth2Client.beginConsent builds it, compared part by
 * part with what the provider documents.
 */
const registry = new ProviderRegistry(CATALOG);
for (const alias of CATALOG_ALIASES) registry.addAlias(alias);
const VERIFIER = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
const S256_OF_VERIFIER = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM'; // RFC 7636 Appendix B

describe('consent URL of every catalog entry', () => {
  it('has facts for every authorization-code entry except the discovery-only `oidc`: hand-written or generated from its data', () => {
    const facts = allFacts(registry);
    const keys = new Set(facts.map((f) => f.key));
    expect(keys.size).toBe(facts.length);
    const authorizationCode = registry.all().filter((p) => p.grants.includes('authorization_code'));
    const missing = authorizationCode.map((p) => p.key).filter((k) => k !== 'oidc' && !keys.has(k));
    expect(missing).toEqual([]);
    expect(FACTS.length).toBeGreaterThanOrEqual(45);
    expect(generatedFacts(registry).length).toBe(authorizationCode.length - 1 - FACTS.length);
    // Client-credentials-only entries have no consent URL (and are tested in client-credentials.test.ts).
    const clientOnly = registry.all().filter((p) => !p.grants.includes('authorization_code'));
    expect(clientOnly.length).toBeGreaterThan(0);
    for (const p of clientOnly) expect(keys.has(p.key), p.key).toBe(false);
  });

  for (const fact of allFacts(registry)) {
    it(`${fact.key}: endpoint, client_id, redirect_uri, scope, PKCE and extra parameters`, async () => {
      const provider = registry.get(fact.key);
      const quirks = registry.quirksOf(provider);
      const client = clientFor(provider, validateTemplateValues(provider, fact.values ?? {}));
      const session = await openProviderSession({
        provider,
        client,
        quirks,
        clientSecret: await storedSecretFor(fact.key),
        settings: SETTINGS,
      });
      const nonce = fact.oidc ? 'nonce-1' : undefined;
      const url = await buildAuthorizationUrl(session, {
        redirectUri: REDIRECT_URI,
        scopes: fact.scopes,
        state: 'state-1',
        codeVerifier: session.usePkce ? VERIFIER : undefined,
        nonce,
      });

      expect(`${url.origin}${url.pathname}`).toBe(fact.authorize);
      const q = url.searchParams;
      expect(q.get('response_type')).toBe('code');
      expect(q.get(fact.clientIdParam ?? 'client_id')).toBe(`client-${fact.key}`);
      expect(q.get('redirect_uri')).toBe(fact.redirectUri ?? REDIRECT_URI);
      expect(q.get('state')).toBe('state-1');
      expect(q.get('scope')).toBe(fact.scopes.length ? fact.scopes.join(fact.separator) : null);
      if (fact.pkce) {
        expect(q.get('code_challenge')).toBe(S256_OF_VERIFIER);
        expect(q.get('code_challenge_method')).toBe('S256');
      } else {
        expect(q.has('code_challenge')).toBe(false);
      }
      expect(q.get('nonce')).toBe(nonce ?? null);
      for (const [k, v] of Object.entries(fact.params ?? {})) expect(q.get(k), k).toBe(v);

      const expected = new Set([
        'response_type',
        fact.clientIdParam ?? 'client_id',
        'redirect_uri',
        'state',
        ...(fact.scopes.length ? ['scope'] : []),
        ...(fact.pkce ? ['code_challenge', 'code_challenge_method'] : []),
        ...(nonce ? ['nonce'] : []),
        ...Object.keys(fact.params ?? {}),
      ]);
      expect(new Set(q.keys())).toEqual(expected);
      // Parameters appear once each.
      expect([...q.keys()].length).toBe(expected.size);
    });
  }

  it('slack: user scopes (`user:…`) go to user_scope, bot scopes stay in scope', async () => {
    const provider = registry.get('slack');
    const session = await openProviderSession({
      provider,
      client: clientFor(provider, {}),
      quirks: registry.quirksOf(provider),
      clientSecret: 's',
      settings: SETTINGS,
    });
    const both = await buildAuthorizationUrl(session, {
      redirectUri: REDIRECT_URI,
      scopes: ['chat:write', 'user:search:read', 'channels:read', 'user:chat:write'],
      state: 's',
    });
    expect(both.searchParams.get('scope')).toBe('chat:write,channels:read');
    expect(both.searchParams.get('user_scope')).toBe('search:read,chat:write');
    const userOnly = await buildAuthorizationUrl(session, {
      redirectUri: REDIRECT_URI,
      scopes: ['user:search:read'],
      state: 's',
    });
    expect(userOnly.searchParams.has('scope')).toBe(false);
    expect(userOnly.searchParams.get('user_scope')).toBe('search:read');
  });

  it('microsoft: the tenant a client was registered with is the one in the URL', async () => {
    const provider = registry.get('microsoft');
    for (const tenant of [
      'common',
      'consumers',
      '72f988bf-86f1-41af-91ab-2d7cd011db47',
      'contoso.onmicrosoft.com',
    ]) {
      const session = await openProviderSession({
        provider,
        client: clientFor(provider, validateTemplateValues(provider, { tenant })),
        quirks: registry.quirksOf(provider),
        clientSecret: 's',
        settings: SETTINGS,
      });
      const url = await buildAuthorizationUrl(session, {
        redirectUri: REDIRECT_URI,
        scopes: ['openid'],
        state: 's',
      });
      expect(url.pathname).toBe(`/${tenant}/oauth2/v2.0/authorize`);
      expect(session.as.token_endpoint).toBe(`https://login.microsoftonline.com/${tenant}/oauth2/v2.0/token`);
    }
  });

  for (const alias of registry
    .aliases()
    .filter((a) => registry.get(a.of).grants.includes('authorization_code'))) {
    it(`alias ${alias.key}: consents through ${alias.of} with its preset or product scopes`, async () => {
      const provider = registry.get(alias.key);
      expect(provider.key).toBe(alias.of);
      const scopes = alias.preset
        ? scopesFor(registry, alias.key, { preset: alias.preset })
        : alias.scopes.length
          ? scopesFor(registry, alias.key, { scopes: alias.scopes.map((s) => s.name) })
          : exampleScopes(provider);
      if (alias.preset) expect(scopes).toEqual(provider.presets[alias.preset]);
      const values = Object.fromEntries(
        provider.templates.map((t) => [t.name, t.default ?? t.examples[0] ?? '']),
      );
      const client = clientFor(provider, validateTemplateValues(provider, values));
      const session = await openProviderSession({
        provider,
        client,
        quirks: registry.quirksOf(provider),
        clientSecret: await storedSecretFor(provider.key),
        settings: SETTINGS,
      });
      const url = await buildAuthorizationUrl(session, { redirectUri: REDIRECT_URI, scopes, state: 's' });
      expect(`${url.origin}${url.pathname}`).toBe(
        fillTemplate(provider.endpoints.authorization!, urlTemplateValues(provider, client.templateValues)),
      );
      expect(url.searchParams.get('scope')).toBe(scopes.length ? scopes.join(provider.scopeSeparator) : null);
      expect(url.searchParams.get('client_id')).toBe(`client-${provider.key}`);
    });
  }
});
