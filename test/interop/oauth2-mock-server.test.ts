import type { IncomingMessage } from 'node:http';
import { OAuth2Server } from 'oauth2-mock-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPERATOR } from '../../src/console/actor.ts';
import type { RegisteredClient } from '../../src/domain/connection.ts';
import { CookieJar, consentAtProvider } from '../support/browserless.ts';
import { startConsentry, type TestConsentry } from '../support/consentry.ts';
import { freePort } from '../support/ports.ts';

/**
 * Interop matrix, oauth2-mock-server 8.x (npm): a server that reads the Basic header literally
 * (the `basic-auth` package, no percent-decoding) and puts the client id it read into the ID
 * token's `aud` — the server issue 12 was found with. It checks no credentials itself, so the
 * test makes it strict the way a literal server is: a token request whose credentials, read as
 * they arrive, are not the registered ones gets `invalid_client`.
 *
 * Its metadata lists only `none` in token_endpoint_auth_methods_supported, so each method here is
 * the per-client override an administrator would set. Also here: the `custom` entry with and
 * without `openid` against the same server (it always sends an ID token).
 */
const CLIENT_ID = 'consentry-rp.mock_v1~x';
const SECRET = 's3cret-1.a_b~c';
const SESSION = 'browser-session-interop-mock-server-0001';

let app: TestConsentry;
let mock: OAuth2Server;
let issuer: string;
const seen: { path: string; authorization: string | undefined; body: Record<string, string> }[] = [];

beforeAll(async () => {
  mock = new OAuth2Server();
  await mock.issuer.keys.generate('RS256');
  await mock.start(0, '127.0.0.1');
  issuer = mock.issuer.url!;
  const check = (response: { body: unknown; statusCode: number }, req: IncomingMessage) => {
    // The mock parses form bodies on its token endpoint only; its revocation endpoint is checked
    // on the Basic header alone.
    const body = (req as IncomingMessage & { body?: Record<string, string> }).body ?? {};
    const authorization = req.headers.authorization;
    seen.push({ path: req.url ?? '', authorization, body: { ...body } });
    if (!authorization && !body.grant_type) return;
    // Read literally, as this server and many others do.
    const basic = authorization?.startsWith('Basic ')
      ? Buffer.from(authorization.slice(6), 'base64').toString()
      : undefined;
    const id = basic ? basic.slice(0, basic.indexOf(':')) : body.client_id;
    const secret = basic ? basic.slice(basic.indexOf(':') + 1) : body.client_secret;
    const expectedSecret = /none/.test(String(id)) ? undefined : SECRET;
    if (!String(id).startsWith('consentry-rp.') || secret !== expectedSecret) {
      response.statusCode = 401;
      response.body = { error: 'invalid_client' };
    }
  };
  mock.service.on('beforeResponse', check);
  mock.service.on('beforeRevoke', check);
  const port = await freePort();
  const base = `${'http'}://127.0.0.1:${port}`;
  app = await startConsentry({
    env: { PORT: String(port), PUBLIC_BASE_URL: base, DEMO_PROVIDER: 'false' },
    consumers: [{ purpose: 'interop', onTokenGranted: () => '/done' }],
  });
});
afterAll(async () => {
  await app?.close();
  await mock?.stop();
});

async function connect(client: RegisteredClient, scopes: string[]) {
  const consent = await app.app.client.beginConsent({
    client: client.id,
    scopes,
    purpose: 'interop',
    returnUrl: '/start',
    session: SESSION,
  });
  const callback = await consentAtProvider(new CookieJar(), consent, {
    stopPrefix: `${app.baseUrl}/oauth/callback`,
  });
  expect(await app.app.client.handleCallback(callback, SESSION)).toBe('/done');
  const [connection] = await app.app.store.connections.list({ clientRef: client.id });
  return connection!;
}

describe('oauth2-mock-server: the full flow for each client authentication method', () => {
  for (const method of ['client_secret_basic', 'client_secret_post', 'none'] as const) {
    it(`${method}: consent, exchange with an ID token whose aud is the real client id, refresh, revoke`, async () => {
      const clientId = `${CLIENT_ID}.${method}`;
      const client = await app.app.console.oauth.createClient(OPERATOR, 'oidc', {
        name: `Mock ${method}`,
        clientId,
        clientSecret: method === 'none' ? undefined : SECRET,
        templateValues: { issuer },
        clientAuth: method,
      });
      const from = seen.length;
      const connection = await connect(client, ['openid', 'email']);
      // The ID token was validated, and the server read the id as it is: aud = the client id.
      expect(connection.idTokenClaims?.aud).toBe(clientId);
      expect(connection.idTokenClaims?.sub).toBe('johndoe');
      expect(connection.hasRefreshToken).toBe(true);
      const exchange = seen.slice(from).find((r) => r.body.grant_type === 'authorization_code')!;
      if (method === 'client_secret_basic') expect(exchange.authorization).toMatch(/^Basic /);
      else expect(exchange.authorization).toBeUndefined();
      expect(exchange.body.client_secret).toBe(method === 'client_secret_post' ? SECRET : undefined);

      const before = app.app.store.connections;
      await app.app.client.refresh(connection.id);
      const refreshed = await before.get(connection.id);
      expect(refreshed?.version).toBe(connection.version + 1);
      expect(seen.slice(from).filter((r) => r.body.grant_type === 'refresh_token')).toHaveLength(1);

      expect(await app.app.client.revoke(connection.id)).toEqual({ atProvider: true });
      expect(seen.slice(from).filter((r) => r.path.startsWith('/revoke'))).toHaveLength(1);
    });
  }

  it('automatic: the metadata lists only `none`, so no secret is sent (RFC 8414 §2)', async () => {
    const client = await app.app.console.oauth.createClient(OPERATOR, 'oidc', {
      name: 'Mock automatic',
      clientId: `${CLIENT_ID}.auto-none`,
      clientSecret: SECRET,
      templateValues: { issuer },
    });
    const from = seen.length;
    const connection = await connect(client, ['openid']);
    expect(connection.idTokenClaims?.aud).toBe(`${CLIENT_ID}.auto-none`);
    const exchange = seen.slice(from).find((r) => r.body.grant_type === 'authorization_code')!;
    expect(exchange.authorization).toBeUndefined();
    expect(exchange.body.client_secret).toBeUndefined();
  });
});

describe('custom: an OAuth server that also sends an ID token', () => {
  it('without openid: the ID token is ignored (RFC 6749 §5.1) and the connection is stored', async () => {
    const client = await app.app.console.oauth.createClient(OPERATOR, 'custom', {
      name: 'Custom plain',
      clientId: `${CLIENT_ID}.custom`,
      clientSecret: SECRET,
      templateValues: {
        authorization_url: `${issuer}/authorize`,
        token_url: `${issuer}/token`,
        revocation_url: `${issuer}/revoke`,
      },
    });
    const connection = await connect(client, ['read']);
    expect(connection.idTokenClaims).toBeUndefined();
    expect(connection.subject).toBeUndefined();
    await app.app.client.refresh(connection.id);
    expect((await app.app.store.connections.get(connection.id))?.idTokenClaims).toBeUndefined();
  });

  it('with an issuer and a JWKS URL and openid asked: the ID token is validated (signature, aud, nonce)', async () => {
    const client = await app.app.console.oauth.createClient(OPERATOR, 'custom', {
      name: 'Custom OpenID',
      clientId: `${CLIENT_ID}.custom-oidc`,
      clientSecret: SECRET,
      templateValues: {
        authorization_url: `${issuer}/authorize`,
        token_url: `${issuer}/token`,
        issuer,
        jwks_url: `${issuer}/jwks`,
      },
    });
    const consent = new URL(
      await app.app.client.beginConsent({
        client: client.id,
        scopes: ['openid'],
        purpose: 'interop',
        returnUrl: '/start',
        session: SESSION,
      }),
    );
    expect(consent.searchParams.get('nonce')).toMatch(/.{20,}/);
    const connection = await connect(client, ['openid']);
    expect(connection.idTokenClaims?.iss).toBe(issuer);
    expect(connection.idTokenClaims?.aud).toBe(`${CLIENT_ID}.custom-oidc`);
    expect(connection.subject).toBe('johndoe');
  });

  it('with an issuer and JWKS URL, a token signed by another key is refused and nothing is stored', async () => {
    const client = await app.app.console.oauth.createClient(OPERATOR, 'custom', {
      name: 'Custom OpenID wrong keys',
      clientId: `${CLIENT_ID}.custom-bad`,
      clientSecret: SECRET,
      templateValues: {
        authorization_url: `${issuer}/authorize`,
        token_url: `${issuer}/token`,
        issuer,
        // A JWKS that does not hold the server's key: the signature check must fail.
        jwks_url: `${app.baseUrl}/.well-known/jwks.json`,
      },
    });
    const consent = await app.app.client.beginConsent({
      client: client.id,
      scopes: ['openid'],
      purpose: 'interop',
      returnUrl: '/start',
      session: SESSION,
    });
    const callback = await consentAtProvider(new CookieJar(), consent, {
      stopPrefix: `${app.baseUrl}/oauth/callback`,
    });
    await expect(app.app.client.handleCallback(callback, SESSION)).rejects.toMatchObject({
      code: 'ID_TOKEN_INVALID',
    });
    expect(await app.app.store.connections.list({ clientRef: client.id })).toHaveLength(0);
  });
});
