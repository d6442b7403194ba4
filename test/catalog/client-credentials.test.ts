import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OAuth2Provider } from '../../src/catalog/provider.ts';
import { CATALOG, CATALOG_ALIASES } from '../../src/catalog/providers/index.ts';
import { ProviderRegistry } from '../../src/catalog/registry.ts';
import { fillTemplate, urlTemplateValues, validateTemplateValues } from '../../src/catalog/template.ts';
import { OAuth2Token } from '../../src/domain/token.ts';
import { clientCredentialsGrant } from '../../src/protocol/grant.ts';
import { openProviderSession } from '../../src/protocol/provider-session.ts';
import { type RecordedRequest, type StandIn, startStandIn } from '../support/stand-in.ts';
import { exampleValues } from './generated-facts.ts';
import { basicAuth, clientFor, rewriteForStandIn, SETTINGS, standInPath, toStandIn } from './support.ts';

/**
 * For every entry listing `client_credentials` (generated from the data: adding an entry adds its
 * test): the token request (RFC 6749 §4.4.2) sent through `clientCredentialsGrant` to a loopback
 * stand-in of the provider's token endpoint, asserted exactly — method, path and query, body
 * encoding, grant_type, scope (default scopes joined with the entry's separator), the entry's
 * extra parameters with templates filled, and client authentication (HTTP Basic or the body) —
 * and the answer, in the provider's documented success shape, read as a token without a refresh
 * token (§4.4.3).
 */
const registry = new ProviderRegistry(CATALOG);
for (const alias of CATALOG_ALIASES) registry.addAlias(alias);
const CC = registry.all().filter((p) => p.grants.includes('client_credentials'));
let standIn: StandIn;

beforeAll(async () => {
  standIn = await startStandIn();
});
afterAll(async () => {
  await standIn.close();
});

/**
 * Success answers as the providers document them, where they differ from the plain RFC 6749
 * §5.1 shape: X gives no expiry, Zoom adds `api_url`, Microsoft `ext_expires_in`, Salesforce
 * `instance_url` and no expiry.
 */
const DOCUMENTED_ANSWER: Record<string, (scope: string | undefined) => Record<string, unknown>> = {
  x: () => ({ token_type: 'bearer', access_token: 'AAAA%2FAAA%3DAAAAAAAA' }),
  zoom: (scope) => ({
    access_token: 'eyJzdiI6IjAwMDAwMSIsImFsZyI6IkhTNTEyIn0.e30.c2ln',
    token_type: 'bearer',
    expires_in: 3599,
    scope: scope ?? 'user:read:admin',
    api_url: 'https://api.zoom.us',
  }),
  'microsoft-oauth2-cc': () => ({
    token_type: 'Bearer',
    expires_in: 3599,
    ext_expires_in: 3599,
    access_token: 'eyJ0eXAiOiJKV1Qi.e30.c2ln',
  }),
  salesforce: () => ({
    access_token: '00Dxx0000000000!AQ0AQH0',
    instance_url: 'https://acme.my.salesforce.com',
    id: 'https://login.salesforce.com/id/00Dxx0000000000EAA/005xx000000000AAAA',
    token_type: 'Bearer',
    issued_at: '1700000000000',
    signature: 'c2lnbmF0dXJl',
  }),
};

function answerFor(p: OAuth2Provider, scope: string | undefined): Record<string, unknown> {
  const documented = DOCUMENTED_ANSWER[p.key];
  if (documented) return documented(scope);
  return {
    access_token: `cc-${p.key}`,
    token_type: 'Bearer',
    expires_in: 3600,
    ...(scope ? { scope } : {}),
  };
}

/** Template values an administrator would type, with URL-valued ones pointing at the stand-in. */
function valuesFor(p: OAuth2Provider, raw: Record<string, string>): Record<string, string> {
  const values = validateTemplateValues(p, raw);
  const urlKinds = new Set(
    p.templates.filter((t) => ['origin', 'url', 'base'].includes(t.kind)).map((t) => t.name),
  );
  return Object.fromEntries(
    Object.entries(values).map(([k, v]) => [k, urlKinds.has(k) ? toStandIn(v, standIn.url) : v]),
  );
}

function bodyOf(req: RecordedRequest, p: OAuth2Provider): Record<string, string> {
  if (p.tokenRequestBody === 'json') {
    expect(req.headers['content-type']).toMatch(/^application\/json/);
    return JSON.parse(req.body) as Record<string, string>;
  }
  expect(req.headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
  return Object.fromEntries(new URLSearchParams(req.body));
}

async function grantAgainstStandIn(
  entry: OAuth2Provider,
  raw: Record<string, string>,
  input: { scopes?: string[] } = {},
) {
  const provider = rewriteForStandIn(entry, standIn.url);
  const client = clientFor(provider, valuesFor(entry, raw));
  const secret = `secret-${entry.key}`;
  const session = await openProviderSession({
    provider,
    client,
    quirks: registry.quirksOf(entry),
    clientSecret: secret,
    settings: SETTINGS,
  });
  let sentScope: string | undefined;
  standIn.answer((req) => {
    const body = bodyOf(req, entry);
    sentScope = body.scope;
    return { status: 200, body: answerFor(entry, body.scope) };
  });
  const before = standIn.requests.length;
  const grant = await clientCredentialsGrant(session, input);
  const sent = standIn.requests.slice(before);
  return { grant, sent, secret, session, sentScope };
}

describe('client credentials of every entry that lists the grant', () => {
  it('covers every client-credentials entry and alias of the catalog', () => {
    expect(CC.length).toBeGreaterThanOrEqual(90);
    for (const p of CC) expect(p.clientCredentials, p.key).toBeDefined();
    const ccAliases = registry
      .aliases()
      .filter((a) => registry.get(a.of).grants.includes('client_credentials'));
    expect(ccAliases.length).toBeGreaterThanOrEqual(10);
    // Entries and aliases together: the client-credentials providers of the facts file, less the
    // four whose token request is not a client-credentials grant (see docs/providers.md).
    expect(CC.length + ccAliases.length).toBeGreaterThanOrEqual(106);
  });

  for (const entry of CC) {
    it(`${entry.key}: the token request as documented, and its answer read`, async () => {
      const cc = entry.clientCredentials!;
      const raw = exampleValues(entry);
      const { grant, sent, secret } = await grantAgainstStandIn(entry, raw);

      // What the provider documents, filled with the administrator's values.
      const values = urlTemplateValues(entry, validateTemplateValues(entry, raw));
      const tokenUrl = new URL(fillTemplate(cc.token ?? entry.endpoints.token!, values));
      const scopes = cc.defaultScopes.map((s) => fillTemplate(s, values));
      const params = Object.fromEntries(
        Object.entries(cc.tokenParams).map(([k, v]) => [k, fillTemplate(v, values)]),
      );

      expect(sent).toHaveLength(1);
      const req = sent[0]!;
      expect(req.method).toBe('POST');
      expect(req.path).toBe(standInPath(tokenUrl.href));
      expect(req.query).toBe(tokenUrl.search.slice(1));
      expect(req.headers.accept).toMatch(/application\/json/);
      const body = bodyOf(req, entry);
      expect(body.grant_type).toBe(cc.grantType);
      if (scopes.length) expect(body.scope).toBe(scopes.join(entry.scopeSeparator));
      else expect(body).not.toHaveProperty('scope');
      for (const [k, v] of Object.entries(params)) expect(body[k], k).toBe(v);
      const id = `client-${entry.key}`;
      if (entry.clientAuth === 'client_secret_basic') {
        expect(req.headers.authorization).toBe(basicAuth(id, secret));
        expect(body).not.toHaveProperty('client_secret');
      } else {
        expect(entry.clientAuth).toBe('client_secret_post');
        expect(req.headers.authorization).toBeUndefined();
        expect(body.client_id).toBe(id);
        expect(body.client_secret).toBe(secret);
      }
      expect(new Set(Object.keys(body))).toEqual(
        new Set([
          'grant_type',
          ...(scopes.length ? ['scope'] : []),
          ...Object.keys(params),
          ...(entry.clientAuth === 'client_secret_post' ? ['client_id', 'client_secret'] : []),
        ]),
      );

      const now = new Date();
      const token = OAuth2Token.fromResponse(grant.response, { now, requestedScopes: scopes });
      const documented = answerFor(entry, body.scope);
      expect(token.accessToken).toBe(documented.access_token);
      expect(token.refreshToken).toBeUndefined();
      // Salesforce gives no expiry: its quirk module stands in the org's session timeout.
      const expiresIn =
        entry.key === 'salesforce' ? Number(values.session_minutes) * 60 : documented.expires_in;
      if (expiresIn === undefined) expect(token.expiresAt).toBeUndefined();
      else expect(Math.round((token.expiresAt!.getTime() - now.getTime()) / 1000)).toBe(expiresIn);
      expect(grant.idTokenClaims).toBeUndefined();
    });
  }
});

describe('client credentials: fixed facts of well-documented providers', () => {
  it('zoom: Server-to-Server OAuth sends grant_type=account_credentials and the account id, Basic auth', async () => {
    const zoom = registry.get('zoom');
    const { sent } = await grantAgainstStandIn(zoom, { account_id: 'AbCdEfGhIj0123' });
    const req = sent[0]!;
    expect(req.path).toBe('/zoom.us/oauth/token');
    expect(Object.fromEntries(new URLSearchParams(req.body))).toEqual({
      grant_type: 'account_credentials',
      account_id: 'AbCdEfGhIj0123',
    });
    expect(req.headers.authorization).toBe(basicAuth('client-zoom', 'secret-zoom'));
  });

  it('x: app-only bearer token at api.x.com/oauth2/token (not the user token endpoint)', async () => {
    const { sent, grant } = await grantAgainstStandIn(registry.get('x'), {});
    expect(sent[0]!.path).toBe('/api.x.com/oauth2/token');
    expect(sent[0]!.body).toBe('grant_type=client_credentials');
    expect(grant.response.access_token).toBe('AAAA%2FAAA%3DAAAAAAAA');
  });

  it('microsoft-oauth2-cc: the tenant in the path, Graph .default, id and secret in the body', async () => {
    const tenant = '72f988bf-86f1-41af-91ab-2d7cd011db47';
    const { sent } = await grantAgainstStandIn(registry.get('microsoft-oauth2-cc'), { tenant_id: tenant });
    expect(sent[0]!.path).toBe(`/login.microsoftonline.com/${tenant}/oauth2/v2.0/token`);
    expect(Object.fromEntries(new URLSearchParams(sent[0]!.body))).toEqual({
      grant_type: 'client_credentials',
      scope: 'https://graph.microsoft.com/.default',
      client_id: 'client-microsoft-oauth2-cc',
      client_secret: 'secret-microsoft-oauth2-cc',
    });
  });

  it('immybot: the .default scope names the instance the client was registered with', async () => {
    const { sent } = await grantAgainstStandIn(registry.get('immybot'), {
      tenant_id: 'contoso.onmicrosoft.com',
      instance_subdomain: 'acme',
    });
    expect(new URLSearchParams(sent[0]!.body).get('scope')).toBe('https://acme.immy.bot/.default');
  });

  it('databricks-workspace: Basic auth, scope all-apis, the workspace host', async () => {
    const { sent } = await grantAgainstStandIn(registry.get('databricks-workspace'), {
      databricks_instance: 'https://dbc-a1b2c3d4-e5f6.cloud.databricks.com/',
    });
    expect(sent[0]!.path).toBe('/dbc-a1b2c3d4-e5f6.cloud.databricks.com/oidc/v1/token');
    expect(Object.fromEntries(new URLSearchParams(sent[0]!.body))).toEqual({
      grant_type: 'client_credentials',
      scope: 'all-apis',
    });
  });

  it('auth0: audience and organization sent when given, left out (not empty) when not', async () => {
    const auth0 = registry.get('auth0');
    const withBoth = await grantAgainstStandIn(auth0, {
      domain: 'acme.eu.auth0.com',
      audience: 'https://api.acme.example',
      organization: 'org_abc123',
    });
    expect(Object.fromEntries(new URLSearchParams(withBoth.sent[0]!.body))).toMatchObject({
      audience: 'https://api.acme.example',
      organization: 'org_abc123',
    });
    const without = await grantAgainstStandIn(auth0, { domain: 'acme.eu.auth0.com' });
    const body = Object.fromEntries(new URLSearchParams(without.sent[0]!.body));
    expect(body).not.toHaveProperty('audience');
    expect(body).not.toHaveProperty('organization');
    expect(without.sent[0]!.path).toBe('/acme.eu.auth0.com/oauth/token');
  });

  it('scopes the caller names replace the default scopes, joined with the entry separator', async () => {
    const { sent } = await grantAgainstStandIn(
      registry.get('adobe-umapi'),
      {},
      { scopes: ['openid', 'AdobeID'] },
    );
    expect(new URLSearchParams(sent[0]!.body).get('scope')).toBe('openid,AdobeID');
  });

  it('a JSON-body entry sends the same fields as a JSON object (bliro: audience)', async () => {
    const { sent } = await grantAgainstStandIn(registry.get('bliro'), {});
    expect(JSON.parse(sent[0]!.body)).toEqual({
      grant_type: 'client_credentials',
      audience: 'https://api.bliro.io',
      client_id: 'client-bliro',
      client_secret: 'secret-bliro',
    });
  });
});
