import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPERATOR } from '../../src/console/actor.ts';
import type { ClientInput } from '../../src/console/oauth-admin.ts';
import type { RegisteredClient } from '../../src/domain/connection.ts';
import { CookieJar, consentAtProvider } from '../support/browserless.ts';
import { startConsentry, type TestConsentry } from '../support/consentry.ts';
import { freePort } from '../support/ports.ts';
import { type RemoteOidc, startRemoteOidc } from '../support/remote-oidc.ts';

/**
 * Interop matrix, oidc-provider (a certified OpenID provider, strict RFC 6749 §2.3.1 decoder) with
 * PAR (on by default, advertised in its metadata), DPoP and `private_key_jwt` on — through the
 * `oidc` catalog entry (discovery decides). Every client id and secret holds `-`, `.`, `_` and `~`.
 * Each method goes through consent, exchange (ID token), refresh and revocation.
 */
const SECRET = 's3cret-1.a_b~c';
const METHODS = ['client_secret_basic', 'client_secret_post', 'private_key_jwt', 'none'] as const;
type Method = (typeof METHODS)[number];
const idOf = (m: Method) => `consentry-rp.${m}_v1~x`;

let app: TestConsentry;
let remote: RemoteOidc;
const clients = new Map<Method, RegisteredClient>();
const SESSION = 'browser-session-interop-oidc-provider-01';

beforeAll(async () => {
  const port = await freePort();
  const base = `${'http'}://127.0.0.1:${port}`;
  app = await startConsentry({
    env: { PORT: String(port), PUBLIC_BASE_URL: base, DEMO_PROVIDER: 'false' },
    consumers: [{ purpose: 'interop', onTokenGranted: () => '/done' }],
  });
  // Registered at Consentry first: the private_key_jwt client's key pair is generated here, and its
  // public key is what an administrator pastes at the provider.
  for (const m of METHODS) {
    const input: ClientInput = {
      name: `Interop ${m}`,
      clientId: idOf(m),
      clientSecret: m === 'private_key_jwt' || m === 'none' ? undefined : SECRET,
      templateValues: { issuer: 'http://127.0.0.1:9' }, // set below, once the provider listens
      clientAuth: m,
    };
    clients.set(m, await app.app.console.oauth.createClient(OPERATOR, 'oidc', input));
  }
  const publicKey = await app.app.console.oauth.publicKeyOf(OPERATOR, clients.get('private_key_jwt')!.id);
  remote = await startRemoteOidc({
    clients: METHODS.map((m) => ({
      clientId: idOf(m),
      clientSecret: SECRET,
      redirectUris: [`${base}/oauth/callback`],
      tokenEndpointAuthMethod: m,
      ...(m === 'private_key_jwt' ? { jwks: { keys: [publicKey!.jwk] } } : {}),
    })),
    features: { dPoP: { enabled: true } },
  });
  for (const m of METHODS) {
    const c = clients.get(m)!;
    clients.set(
      m,
      await app.app.console.oauth.updateClient(OPERATOR, c.id, {
        name: c.name,
        clientId: c.clientId,
        templateValues: { issuer: remote.issuer },
      }),
    );
  }
});
afterAll(async () => {
  await app?.close();
  await remote?.close();
});

describe('oidc-provider: the full flow for each client authentication method', () => {
  for (const m of METHODS) {
    it(`${m}: PAR, consent, exchange with an ID token, DPoP-bound tokens, refresh, revoke`, async () => {
      const client = clients.get(m)!;
      const from = remote.received.length;
      const consent = new URL(
        await app.app.client.beginConsent({
          client: client.id,
          scopes: ['openid', 'email', 'offline_access'],
          purpose: 'interop',
          returnUrl: '/start',
          session: SESSION,
        }),
      );
      // RFC 9126: the browser carries only client_id and the request_uri; the parameters were pushed.
      expect([...consent.searchParams.keys()].sort()).toEqual(['client_id', 'request_uri']);
      const pushed = remote.received.slice(from).filter((r) => r.path === '/request');
      expect(pushed).toHaveLength(1);
      expect(pushed[0]!.body.get('code_challenge_method')).toBe('S256');
      expect(pushed[0]!.body.get('nonce')).toMatch(/.{20,}/);

      const callback = await consentAtProvider(new CookieJar(), consent.href, {
        stopPrefix: `${app.baseUrl}/oauth/callback`,
        login: `user-${m}`,
      });
      expect(await app.app.client.handleCallback(callback, SESSION)).toBe('/done');
      const [connection] = await app.app.store.connections.list({ clientRef: client.id });
      expect(connection?.idTokenClaims?.sub).toBe(`user-${m}`);
      expect(connection?.idTokenClaims?.aud).toBe(idOf(m));
      // RFC 9449: the metadata lists DPoP algorithms, so the tokens are bound to a sealed key.
      expect(connection?.tokenType).toBe('dpop');
      expect(connection?.dpopBound).toBe(true);

      const exchange = remote.received
        .slice(from)
        .find((r) => r.body.get('grant_type') === 'authorization_code');
      expect(exchange?.dpop).toMatch(/^ey/);
      assertClientAuth(m, exchange!);

      // A feature's own request with the helper's headers: accepted; the same token as Bearer: refused.
      const userinfo = `${remote.issuer}/me`;
      const headers = await app.app.client.requestHeaders(connection!.id, { method: 'GET', url: userinfo });
      expect(headers.authorization).toMatch(/^DPoP /);
      expect((await fetch(userinfo, { headers })).status).toBe(200);
      const bearer = headers.authorization.replace(/^DPoP /, 'Bearer ');
      expect((await fetch(userinfo, { headers: { authorization: bearer } })).status).toBe(401);

      const refreshes = remote.counts.refresh_token;
      await app.app.client.refresh(connection!.id);
      expect(remote.counts.refresh_token).toBe(refreshes + 1);
      const refresh = remote.received.filter((r) => r.body.get('grant_type') === 'refresh_token').at(-1)!;
      expect(refresh.dpop).toMatch(/^ey/);
      assertClientAuth(m, refresh);

      expect(await app.app.client.revoke(connection!.id)).toEqual({ atProvider: true });
      const revocation = remote.received.filter((r) => r.path === '/token/revocation').at(-1)!;
      assertClientAuth(m, revocation);
    });
  }
});

function assertClientAuth(m: Method, r: RemoteOidc['received'][number]): void {
  if (m === 'client_secret_basic') {
    // Unreserved characters kept as they are (RFC 3986 §2.3): a literal reader sees the real id.
    const decoded = Buffer.from(r.authorization!.replace(/^Basic /, ''), 'base64').toString();
    expect(decoded).toBe(`${idOf(m)}:${SECRET}`);
    expect(r.body.has('client_secret')).toBe(false);
  } else if (m === 'client_secret_post') {
    expect(r.authorization).toBeUndefined();
    expect(r.body.get('client_id')).toBe(idOf(m));
    expect(r.body.get('client_secret')).toBe(SECRET);
  } else if (m === 'private_key_jwt') {
    expect(r.authorization).toBeUndefined();
    expect(r.body.get('client_assertion_type')).toBe(
      'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
    );
    expect(r.body.get('client_assertion')).toMatch(/^ey/);
    expect(r.body.has('client_secret')).toBe(false);
  } else {
    expect(r.authorization).toBeUndefined();
    expect(r.body.get('client_id')).toBe(idOf(m));
    expect(r.body.has('client_secret')).toBe(false);
  }
}
