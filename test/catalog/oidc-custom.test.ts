import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareClientRegistration } from '../../src/catalog/api.ts';
import { isConsentryError } from '../../src/domain/errors.ts';
import { CookieJar, consentAtProvider } from '../support/browserless.ts';
import { startConsentry, type TestConsentry } from '../support/consentry.ts';
import { freePort } from '../support/ports.ts';
import { type RemoteOidc, startRemoteOidc } from '../support/remote-oidc.ts';
import { type StandIn, startStandIn } from '../support/stand-in.ts';

/**
 * `oidc`: any issuer, endpoints/PKCE/`iss` from discovery — against a real OpenID provider
 * (oidc-provider on loopback). `custom`: endpoints typed by an administrator — against a stand-in.
 */
const SESSION = 'browser-session-catalog-oidc-0123';
let app: TestConsentry;
let remote: RemoteOidc;
let standIn: StandIn;
const granted: string[] = [];

beforeAll(async () => {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  remote = await startRemoteOidc({
    clients: [
      {
        clientId: 'any-oidc',
        clientSecret: 'oidc-secret-SENTINEL',
        redirectUris: [`${base}/oauth/callback`],
      },
    ],
  });
  standIn = await startStandIn();
  app = await startConsentry({
    env: { PORT: String(port), PUBLIC_BASE_URL: base, DEMO_PROVIDER: 'false' },
    consumers: [
      {
        purpose: 'sso',
        onTokenGranted(token) {
          granted.push(String(token.idTokenClaims?.sub ?? token.accessToken.slice(0, 4)));
          return '/signed-in';
        },
      },
    ],
  });
});
afterAll(async () => {
  await app?.close();
  await remote?.close();
  await standIn?.close();
});

describe('oidc (any issuer)', () => {
  it('discovers the endpoints, sends PKCE and nonce, validates iss and the ID token, and refreshes', async () => {
    const client = await app.app.store.clients.create(
      await prepareClientRegistration(app.app.providers, {
        providerKey: 'oidc',
        name: 'Our IdP',
        clientId: 'any-oidc',
        clientSecret: 'oidc-secret-SENTINEL',
        templateValues: { issuer: remote.issuer },
      }),
    );
    const consent = new URL(
      await app.app.client.beginConsent({
        client: client.id,
        scopes: ['openid', 'email', 'offline_access'],
        purpose: 'sso',
        returnUrl: '/login',
        session: SESSION,
      }),
    );
    // Endpoints come from the discovery document, not from the catalog. oidc-provider advertises a
    // PAR endpoint (RFC 9126), so the parameters were pushed there and the browser carries a request_uri.
    expect(`${consent.origin}${consent.pathname}`).toBe(`${remote.issuer}/auth`);
    expect(consent.searchParams.get('request_uri')).toMatch(/^urn:ietf:params:oauth:request_uri:/);
    const pushed = remote.received.filter((r) => r.path === '/request').at(-1)!.body;
    expect(pushed.get('code_challenge_method')).toBe('S256');
    expect(pushed.get('nonce')).toMatch(/.{20,}/);
    const callback = await consentAtProvider(new CookieJar(), consent.href, {
      stopPrefix: `${app.baseUrl}/oauth/callback`,
      login: 'carol',
    });
    // oidc-provider advertises RFC 9207, so the callback carries iss and it is checked.
    expect(new URL(callback).searchParams.get('iss')).toBe(remote.issuer);
    expect(await app.app.client.handleCallback(callback, SESSION)).toBe('/signed-in');
    expect(granted).toContain('carol');
    const [connection] = await app.app.store.connections.list({ clientRef: client.id });
    expect(connection?.issuer).toBe(remote.issuer);
    expect(connection?.hasRefreshToken).toBe(true);
    const before = remote.counts.refresh_token;
    await app.app.client.refresh(connection!.id);
    expect(remote.counts.refresh_token).toBe(before + 1);
  });

  it('a mixed-up callback (iss of another issuer) is refused before any token request', async () => {
    const [client] = await app.app.store.clients.list({ providerKey: 'oidc' });
    const consent = new URL(
      await app.app.client.beginConsent({
        client: client!.id,
        preset: 'login',
        purpose: 'sso',
        returnUrl: '/login',
        session: SESSION,
      }),
    );
    const codes = remote.counts.authorization_code;
    expect(consent.searchParams.has('request_uri')).toBe(true);
    const state = remote.received
      .filter((r) => r.path === '/request')
      .at(-1)!
      .body.get('state')!;
    const error = await app.app.client
      .handleCallback(
        `/oauth/callback?code=x&state=${state}&iss=${encodeURIComponent('https://evil.example')}`,
        SESSION,
      )
      .catch((e: unknown) => e);
    expect(isConsentryError(error, 'ISSUER_MISMATCH')).toBe(true);
    expect(remote.counts.authorization_code).toBe(codes);
  });

  it('an issuer without a discovery document is a clear error', async () => {
    const client = await app.app.store.clients.create(
      await prepareClientRegistration(app.app.providers, {
        providerKey: 'oidc',
        clientId: 'x',
        clientSecret: 'y',
        templateValues: { issuer: `${standIn.url}/no-such-issuer` },
      }),
    );
    standIn.answer({ status: 404, body: 'Not Found' });
    await expect(
      app.app.client.beginConsent({
        client: client.id,
        preset: 'login',
        purpose: 'sso',
        returnUrl: '/login',
        session: SESSION,
      }),
    ).rejects.toMatchObject({ code: 'DISCOVERY_FAILED' });
  });
});

describe('custom (endpoints typed by an administrator)', () => {
  it('uses the typed endpoints, auth method, scope separator and PKCE choice; stores and revokes', async () => {
    const client = await app.app.store.clients.create(
      await prepareClientRegistration(app.app.providers, {
        providerKey: 'custom',
        name: 'Intranet',
        clientId: 'intranet-app',
        clientSecret: 'intranet-secret',
        templateValues: {
          authorization_url: `${standIn.url}/oauth2/authorize`,
          token_url: `${standIn.url}/oauth2/token`,
          revocation_url: `${standIn.url}/oauth2/revoke`,
          client_auth: 'client_secret_post',
          scope_separator: 'comma',
          pkce: 'no',
        },
      }),
    );
    const consent = new URL(
      await app.app.client.beginConsent({
        client: client.id,
        scopes: ['read', 'write'],
        purpose: 'sso',
        returnUrl: '/login',
        session: SESSION,
      }),
    );
    expect(`${consent.origin}${consent.pathname}`).toBe(`${standIn.url}/oauth2/authorize`);
    expect(consent.searchParams.get('scope')).toBe('read,write');
    expect(consent.searchParams.has('code_challenge')).toBe(false);
    expect(consent.searchParams.has('nonce')).toBe(false);

    standIn.answer({
      status: 200,
      body: {
        access_token: 'intranet-at',
        token_type: 'Bearer',
        expires_in: 600,
        refresh_token: 'intranet-rt',
        scope: 'read,write',
      },
    });
    const mark = standIn.requests.length;
    const state = consent.searchParams.get('state')!;
    expect(await app.app.client.handleCallback(`/oauth/callback?code=ic&state=${state}`, SESSION)).toBe(
      '/signed-in',
    );
    const [req] = standIn.requests.slice(mark);
    expect(req?.path).toBe('/oauth2/token');
    expect(req?.headers.authorization).toBeUndefined();
    expect(Object.fromEntries(new URLSearchParams(req!.body))).toEqual({
      grant_type: 'authorization_code',
      code: 'ic',
      redirect_uri: app.app.client.redirectUri,
      client_id: 'intranet-app',
      client_secret: 'intranet-secret',
    });
    const [connection] = await app.app.store.connections.list({ clientRef: client.id });
    expect(connection?.scopes).toEqual(['read', 'write']);

    standIn.answer({ status: 200 });
    const revokeMark = standIn.requests.length;
    expect(await app.app.client.revoke(connection!.id)).toEqual({ atProvider: true });
    const [revoke] = standIn.requests.slice(revokeMark);
    expect(revoke?.path).toBe('/oauth2/revoke');
    expect(new URLSearchParams(revoke!.body).get('token')).toBe('intranet-rt');
  });
});
