import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isConsentryError } from '../../src/domain/errors.ts';
import { startConsentry, type TestConsentry } from '../support/consentry.ts';
import { loopbackFetch } from '../support/egress.ts';
import { type StandIn, startStandIn } from '../support/stand-in.ts';

/**
 * Issue 12: an ID token is accepted on each `iss` value its entry documents (`idTokenIssuers`,
 * Google's two spellings) and on no other; an ID token in the response of a flow that did not
 * ask for `openid` is ignored (RFC 6749 §5.1), whatever it holds.
 */
const SESSION = 'id-token-issuers-session-0123456789ab';
let stand: StandIn;
let c: TestConsentry;
const clients: Record<string, string> = {};

beforeAll(async () => {
  stand = await startStandIn();
  const endpoints = {
    authorization: `${stand.url}/authorize`,
    token: `${stand.url}/token`,
    jwks: `${stand.url}/jwks`,
  };
  c = await startConsentry({
    env: { DEMO_PROVIDER: 'false' },
    consumers: [{ purpose: 'probe', onTokenGranted: () => '/done' }],
    providers: [
      {
        key: 'two-iss',
        displayName: 'Two issuer spellings',
        protocol: 'oidc',
        issuer: stand.url,
        idTokenIssuers: [stand.url, 'stand-in.example'],
        endpoints,
        clientAuth: 'client_secret_post',
      },
      {
        key: 'one-iss',
        displayName: 'One issuer',
        protocol: 'oidc',
        issuer: stand.url,
        endpoints,
        clientAuth: 'client_secret_post',
      },
    ],
    clientOptions: { protocol: { allowInsecure: () => true, timeoutMs: 10_000, fetch: loopbackFetch } },
  });
  for (const key of ['two-iss', 'one-iss'])
    clients[key] = (
      await c.app.store.clients.create({
        providerKey: key,
        name: key,
        clientId: `${key}-client`,
        clientSecret: 's',
      })
    ).id;
});
afterAll(async () => {
  await c?.close();
  await stand?.close();
});

async function connectWith(key: string, scopes: string[], iss: string | undefined): Promise<unknown> {
  const url = new URL(
    await c.app.client.beginConsent({
      client: clients[key]!,
      scopes,
      purpose: 'probe',
      returnUrl: '/b',
      session: SESSION,
    }),
  );
  const now = Math.floor(Date.now() / 1000);
  const claims = {
    aud: `${key}-client`,
    sub: 'user-1',
    iat: now,
    exp: now + 300,
    nonce: url.searchParams.get('nonce') ?? 'none',
  };
  const idToken = await stand.idToken(iss === undefined ? claims : { ...claims, iss });
  stand.answer({
    status: 200,
    body: { access_token: 'at', token_type: 'Bearer', expires_in: 3600, id_token: idToken },
  });
  return c.app.client
    .handleCallback(`/oauth/callback?code=c&state=${url.searchParams.get('state')}`, SESSION)
    .catch((e: unknown) => e);
}

describe('idTokenIssuers', () => {
  it('each documented value is accepted and kept as the connection’s issuer', async () => {
    expect(await connectWith('two-iss', ['openid'], stand.url)).toBe('/done');
    expect(await connectWith('two-iss', ['openid'], 'stand-in.example')).toBe('/done');
    const issuers = (await c.app.store.connections.list({ clientRef: clients['two-iss'] })).map(
      (x) => x.issuer,
    );
    expect(issuers.sort()).toEqual([stand.url, 'stand-in.example'].sort());
  });

  it('any other value is refused, and nothing is stored', async () => {
    const before = (await c.app.store.connections.list()).length;
    for (const iss of ['https://evil.example', `${stand.url}/`, 'stand-in.example.evil']) {
      const error = await connectWith('two-iss', ['openid'], iss);
      expect(isConsentryError(error, 'ID_TOKEN_INVALID'), `${iss}: ${String(error)}`).toBe(true);
    }
    // Without the list, only the issuer itself.
    expect(
      isConsentryError(await connectWith('one-iss', ['openid'], 'stand-in.example'), 'ID_TOKEN_INVALID'),
    ).toBe(true);
    expect((await c.app.store.connections.list()).length).toBe(before);
  });
});

describe('an ID token nobody asked for', () => {
  it('without openid, an ID token of any issuer (or none) is ignored and the connection stored', async () => {
    const before = (await c.app.store.connections.list({ clientRef: clients['one-iss'] })).length;
    expect(await connectWith('one-iss', ['email'], 'https://evil.example')).toBe('/done');
    const stored = await c.app.store.connections.list({ clientRef: clients['one-iss'] });
    expect(stored.length).toBe(before + 1);
    expect(stored[0]?.idTokenClaims).toBeUndefined();
    expect(stored[0]?.issuer).toBeUndefined();
  });
});
