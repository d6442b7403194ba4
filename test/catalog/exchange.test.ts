import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOG } from '../../src/catalog/providers/index.ts';
import { ProviderRegistry } from '../../src/catalog/registry.ts';
import { validateTemplateValues } from '../../src/catalog/template.ts';
import { OAuth2Token } from '../../src/domain/token.ts';
import { exchangeCode, refreshAccessToken, validateAuthorizationResponse } from '../../src/protocol/grant.ts';
import { openProviderSession } from '../../src/protocol/provider-session.ts';
import { type RecordedRequest, type StandIn, startStandIn } from '../support/stand-in.ts';
import { allFacts } from './generated-facts.ts';
import { FACTS, type ProviderFact, standardAnswer, type TokenAnswerContext } from './provider-facts.ts';
import {
  basicAuth,
  clientFor,
  REDIRECT_URI,
  rewriteForStandIn,
  SETTINGS,
  standInPath,
  storedSecretFor,
  valuesForStandIn,
} from './support.ts';

/**
 * For every entry: a code exchange and (where the provider issues refresh tokens) a refresh,
 * against a loopback stand-in that checks the request the way the provider documents it (path,
 * client authentication, body encoding, PKCE) and answers with the provider's documented body.
 * Each test then asserts the exact request the catalog sent and what was understood from the
 * answer (token, granted scopes, expiry, kept fields, rotation).
 */
const registry = new ProviderRegistry(CATALOG);
const ALL_FACTS = allFacts(registry);
const VERIFIER = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
let standIn: StandIn;

beforeAll(async () => {
  standIn = await startStandIn();
});
afterAll(async () => {
  await standIn.close();
});

function bodyOf(req: RecordedRequest, fact: ProviderFact): Record<string, string> {
  if (fact.body === 'json') {
    expect(req.headers['content-type']).toMatch(/^application\/json/);
    return JSON.parse(req.body) as Record<string, string>;
  }
  expect(req.headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
  return Object.fromEntries(new URLSearchParams(req.body));
}

/** The documented URL a token request of this kind goes to (refresh: the entry's own refresh URL, if any). */
function endpointOf(fact: ProviderFact, kind: TokenAnswerContext['kind']): string {
  return kind === 'refresh' && fact.refreshUrl ? fact.refreshUrl : fact.token;
}

/** What the provider would refuse: wrong path, wrong client authentication, missing parameters. */
function refusal(
  req: RecordedRequest,
  fact: ProviderFact,
  secret: string,
  kind: TokenAnswerContext['kind'] = 'code',
) {
  const url = new URL(endpointOf(fact, kind));
  if (req.method !== 'POST' || req.path !== standInPath(url.href) || req.query !== url.search.slice(1))
    return { status: 404, body: 'Not Found' };
  const body = bodyOf(req, fact);
  const id = `client-${fact.key}`;
  const authOk =
    fact.auth === 'basic'
      ? req.headers.authorization === basicAuth(id, secret) && body.client_secret === undefined
      : req.headers.authorization === undefined &&
        body[fact.clientIdParam ?? 'client_id'] === id &&
        (fact.auth === 'none' ? body.client_secret === undefined : body.client_secret !== undefined);
  if (!authOk) return { status: 401, body: { error: 'invalid_client' } };
  return undefined;
}

function expectClientAuth(
  req: RecordedRequest,
  body: Record<string, string>,
  fact: ProviderFact,
  secret: string,
) {
  const id = `client-${fact.key}`;
  if (fact.auth === 'basic') {
    expect(req.headers.authorization).toBe(basicAuth(id, secret));
    expect(body).not.toHaveProperty('client_secret');
  } else if (fact.auth === 'none') {
    expect(req.headers.authorization).toBeUndefined();
    expect(body[fact.clientIdParam ?? 'client_id']).toBe(id);
    expect(body).not.toHaveProperty('client_secret');
  } else {
    expect(req.headers.authorization).toBeUndefined();
    expect(body[fact.clientIdParam ?? 'client_id']).toBe(id);
    if (fact.key === 'apple') {
      // The ES256 client-secret JWT (checked in detail in quirks.test.ts).
      expect(body.client_secret?.split('.')).toHaveLength(3);
    } else expect(body.client_secret).toBe(secret);
  }
}

/** The extra token-request fields of an exchange or a refresh. */
const paramsOf = (fact: ProviderFact, kind: TokenAnswerContext['kind']) =>
  (kind === 'refresh' ? (fact.refreshTokenParams ?? fact.tokenParams) : fact.tokenParams) ?? {};

const clientCreds = (fact: ProviderFact, kind: TokenAnswerContext['kind']) => {
  const id = fact.clientIdParam ?? 'client_id';
  return [
    ...(fact.auth === 'post' ? [id, 'client_secret'] : fact.auth === 'none' ? [id] : []),
    ...Object.keys(paramsOf(fact, kind)),
  ];
};

function expectTokenParams(
  body: Record<string, string>,
  fact: ProviderFact,
  kind: TokenAnswerContext['kind'],
) {
  for (const [k, v] of Object.entries(paramsOf(fact, kind))) expect(body[k], k).toBe(v);
}

for (const fact of ALL_FACTS) {
  describe(fact.key, () => {
    it(`exchanges a code${fact.refresh ? ' and refreshes' : ''} the way ${fact.key} documents`, async () => {
      const catalogEntry = registry.get(fact.key);
      const provider = rewriteForStandIn(catalogEntry, standIn.url);
      const values = valuesForStandIn(validateTemplateValues(catalogEntry, fact.values ?? {}), standIn.url);
      const client = clientFor(provider, values);
      const secret = await storedSecretFor(fact.key);
      const session = await openProviderSession({
        provider,
        client,
        quirks: registry.quirksOf(catalogEntry),
        clientSecret: secret,
        settings: SETTINGS,
      });
      const nonce = fact.oidc ? 'nonce-xyz' : undefined;
      const requested = fact.scopes.join(fact.separator);
      const answerWith = (kind: TokenAnswerContext['kind']) => async (req: RecordedRequest) => {
        const refused = refusal(req, fact, secret, kind);
        if (refused) return refused;
        const now = Math.floor(Date.now() / 1000);
        const idToken =
          fact.oidc && kind === 'code'
            ? await standIn.idToken({
                iss: fact.idTokenIssuer ?? session.as.issuer,
                sub: 'user-1',
                aud: `client-${fact.key}`,
                iat: now,
                exp: now + 600,
                nonce,
                email: 'user@example.com',
                ...fact.idTokenClaims,
              })
            : undefined;
        const ctx = { key: fact.key, kind, scope: requested, idToken };
        const body = fact.answer ? fact.answer(ctx) : standardAnswer(ctx);
        if (idToken && !body.id_token) body.id_token = idToken;
        return { status: 200, body };
      };

      // Code exchange.
      standIn.answer(answerWith('code'));
      const before = standIn.requests.length;
      const params = new URLSearchParams({ code: `code-${fact.key}`, state: 'state-1' });
      if (provider.issParameter) params.set('iss', session.as.issuer);
      const grant = await exchangeCode(session, {
        callbackParams: validateAuthorizationResponse(session, params, 'state-1'),
        redirectUri: REDIRECT_URI,
        codeVerifier: session.usePkce ? VERIFIER : undefined,
        nonce,
        requireIdToken: fact.oidc === true,
      });
      const sent = standIn.requests.slice(before);
      expect(sent).toHaveLength(1);
      const req = sent[0]!;
      expect(req.method).toBe('POST');
      expect(req.path).toBe(standInPath(fact.token));
      expect(req.query).toBe(new URL(fact.token).search.slice(1));
      expect(req.headers.accept).toMatch(/application\/json/);
      const body = bodyOf(req, fact);
      expectClientAuth(req, body, fact, secret);
      expectTokenParams(body, fact, 'code');
      expect(new Set(Object.keys(body))).toEqual(
        new Set([
          'grant_type',
          'code',
          'redirect_uri',
          ...(fact.pkce ? ['code_verifier'] : []),
          ...clientCreds(fact, 'code'),
        ]),
      );
      expect(body.grant_type).toBe('authorization_code');
      expect(body.code).toBe(`code-${fact.key}`);
      expect(body.redirect_uri).toBe(fact.redirectUri ?? REDIRECT_URI);
      if (fact.pkce) expect(body.code_verifier).toBe(VERIFIER);

      const now = new Date();
      const token = OAuth2Token.fromResponse(grant.response, {
        now,
        requestedScopes: fact.scopes,
        scopeSeparator: session.provider.scopeSeparator === ' ' ? /\s+/ : session.provider.scopeSeparator,
        idTokenClaims: grant.idTokenClaims,
      });
      expect(token.accessToken.length).toBeGreaterThan(0);
      expect(token.scopes).toEqual(fact.granted ?? fact.scopes);
      const expiresIn = fact.expiresIn === undefined ? 3600 : fact.expiresIn;
      if (expiresIn === null) expect(token.expiresAt).toBeUndefined();
      else expect(Math.round((token.expiresAt!.getTime() - now.getTime()) / 1000)).toBe(expiresIn);
      for (const [k, v] of Object.entries(fact.keeps ?? {})) expect(grant.response[k], k).toBe(v);
      if (fact.oidc) {
        expect(grant.idTokenClaims?.sub).toBe('user-1');
        expect(grant.idTokenClaims?.nonce).toBe(nonce);
      } else expect(grant.idTokenClaims).toBeUndefined();

      if (!fact.refresh) {
        expect(token.refreshToken).toBeUndefined();
        return;
      }
      // Refresh.
      expect(token.refreshToken).toBeDefined();
      standIn.answer(answerWith('refresh'));
      const mark = standIn.requests.length;
      const refreshed = await refreshAccessToken(session, token.refreshToken!);
      const refreshReqs = standIn.requests.slice(mark);
      expect(refreshReqs).toHaveLength(1);
      const rreq = refreshReqs[0]!;
      expect(rreq.path).toBe(standInPath(endpointOf(fact, 'refresh')));
      expect(rreq.query).toBe(new URL(endpointOf(fact, 'refresh')).search.slice(1));
      const rbody = bodyOf(rreq, fact);
      expectClientAuth(rreq, rbody, fact, secret);
      expectTokenParams(rbody, fact, 'refresh');
      expect(new Set(Object.keys(rbody))).toEqual(
        new Set(['grant_type', 'refresh_token', ...clientCreds(fact, 'refresh')]),
      );
      expect(rbody.grant_type).toBe('refresh_token');
      expect(rbody.refresh_token).toBe(token.refreshToken);
      const next = token.withRefreshedAccess(refreshed.response, { now: new Date() });
      expect(next.accessToken).not.toBe(token.accessToken);
      // Rotating providers hand out a new refresh token; the others keep the old one.
      if (fact.rotates) expect(next.refreshToken).not.toBe(token.refreshToken);
      else expect(next.refreshToken).toBe(token.refreshToken);
    });
  });
}

describe('the stand-in refuses what the providers refuse', () => {
  it('a token request with the wrong client authentication method fails with invalid_client', async () => {
    const fact = FACTS.find((f) => f.key === 'zoom')!;
    const entry = registry.get('zoom');
    // The same entry with the wrong method (post instead of Zoom's Basic): the request is refused.
    const provider = { ...rewriteForStandIn(entry, standIn.url), clientAuth: 'client_secret_post' as const };
    const session = await openProviderSession({
      provider,
      client: clientFor(provider, {}),
      quirks: {},
      clientSecret: 'secret-zoom',
      settings: SETTINGS,
    });
    standIn.answer(
      (req) =>
        refusal(req, fact, 'secret-zoom') ?? {
          status: 200,
          body: { access_token: 'x', token_type: 'bearer' },
        },
    );
    await expect(
      exchangeCode(session, {
        callbackParams: validateAuthorizationResponse(
          session,
          new URLSearchParams({ code: 'c', state: 's' }),
          's',
        ),
        redirectUri: REDIRECT_URI,
        codeVerifier: VERIFIER,
        requireIdToken: false,
      }),
    ).rejects.toMatchObject({
      code: 'TOKEN_REQUEST_REJECTED',
      facts: { oauthError: 'invalid_client', status: 401 },
    });
  });
});
