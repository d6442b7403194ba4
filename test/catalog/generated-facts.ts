import type { OAuth2Provider } from '../../src/catalog/provider.ts';
import type { ProviderRegistry } from '../../src/catalog/registry.ts';
import { fillTemplate, validateTemplateValues } from '../../src/catalog/template.ts';
import { FACTS, type ProviderFact, standardAnswer, type TokenAnswerContext } from './provider-facts.ts';

/**
 * Facts for every catalog entry without hand-written ones in provider-facts.ts, generated from
 * the entry's own data: adding an entry adds its consent-URL and exchange/refresh tests. What
 * these tests prove is that the entry is usable end to end — its templates accept their
 * examples, every URL fills, the consent URL carries exactly the entry's parameters, and the
 * token requests reach the entry's endpoints with its client authentication, body encoding,
 * extra parameters and PKCE — and that the engine reads an RFC 6749 §5.1 answer in the entry's
 * refresh shape (rotating or not). The 45 original entries keep their independent facts.
 */
export function generatedFacts(registry: ProviderRegistry): ProviderFact[] {
  const documented = new Set(FACTS.map((f) => f.key));
  // Consent URLs, code exchanges and refreshes exist only where a person consents: entries
  // that list only client_credentials have their own generated tests (client-credentials.test.ts).
  return registry
    .all()
    .filter((p) => !p.discovery && !documented.has(p.key) && p.grants.includes('authorization_code'))
    .map((p) => factOf(p));
}

/** Every fact: hand-written first, then generated. */
export function allFacts(registry: ProviderRegistry): ProviderFact[] {
  return [...FACTS, ...generatedFacts(registry)];
}

/** Template values an administrator would type: the default, else the first example. */
export function exampleValues(p: OAuth2Provider): Record<string, string> {
  const values: Record<string, string> = {};
  for (const t of p.templates) {
    const v = t.default ?? t.examples[0];
    if (v !== undefined) values[t.name] = v;
  }
  return values;
}

/** Scopes a consumer would ask for: the login preset, else the first preset, else up to two scopes. */
export function exampleScopes(p: OAuth2Provider): string[] {
  const presets = Object.values(p.presets);
  if (p.presets.login) return [...p.presets.login];
  if (presets.length) return [...presets[0]!];
  return p.scopes.slice(0, 2).map((s) => s.name);
}

/** A well-formed JWT no key signed (`alg: RS256`, garbage signature). */
const UNVERIFIABLE_ID_TOKEN = [
  Buffer.from(JSON.stringify({ alg: 'RS256', kid: 'nobody' })).toString('base64url'),
  Buffer.from(
    JSON.stringify({ iss: 'https://elsewhere.example', sub: 'x', aud: 'y', exp: 1, iat: 0 }),
  ).toString('base64url'),
  'c2lnbmF0dXJl',
].join('.');

function factOf(p: OAuth2Provider): ProviderFact {
  const raw = exampleValues(p);
  const values = validateTemplateValues(p, raw);
  const fill = (u: string) => fillTemplate(u, values);
  const fillAll = (r: Record<string, string>) =>
    Object.fromEntries(Object.entries(r).map(([k, v]) => [k, fill(v)]));
  const auth = p.clientAuth === 'client_secret_basic' ? 'basic' : p.clientAuth === 'none' ? 'none' : 'post';
  const rotates = p.refreshToken.rotates !== false;
  return {
    key: p.key,
    values: raw,
    authorize: fill(p.endpoints.authorization!),
    token: fill(p.endpoints.token!),
    ...(p.endpoints.refresh ? { refreshUrl: fill(p.endpoints.refresh) } : {}),
    ...(Object.keys(p.tokenParams).length ? { tokenParams: fillAll(p.tokenParams) } : {}),
    auth,
    body: p.tokenRequestBody,
    pkce: p.pkce,
    separator: p.scopeSeparator,
    params: fillAll(p.authorizationParams),
    scopes: exampleScopes(p),
    refresh: p.refreshToken.issued !== 'never',
    rotates,
    answer: (ctx: TokenAnswerContext) => {
      // An entry that drops ID tokens (quirk ignore-id-token) gets one it could not verify.
      const idToken = p.quirks === 'ignore-id-token' ? { id_token: UNVERIFIABLE_ID_TOKEN } : {};
      const body = standardAnswer(ctx, idToken);
      // Documented as never issuing one, or as not rotating: no (new) refresh token in the answer.
      if (p.refreshToken.issued === 'never' || (!rotates && ctx.kind === 'refresh'))
        delete (body as Record<string, unknown>).refresh_token;
      return body;
    },
  };
}
