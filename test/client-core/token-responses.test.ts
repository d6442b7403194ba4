import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { OAuth2Consumer } from '../../src/core/consumers.ts';
import { isConsentryError } from '../../src/domain/errors.ts';
import { startConsentry, type TestConsentry } from '../support/consentry.ts';
import { loopbackFetch } from '../support/egress.ts';
import { type Answer, type StandIn, startStandIn } from '../support/stand-in.ts';

/**
 * SECURITY.md "Token endpoint responses", "ID tokens" and "Secrets": a stand-in provider answers
 * every bad shape; each is rejected with an error naming the provider and what was wrong, nothing
 * is stored, and planted sentinel secrets never reach an error, a JSON body or a log line.
 */
const SENTINEL_SECRET = 'SENTINEL-CLIENT-SECRET-c0ffee';
const SENTINEL_RT = 'SENTINEL-REFRESH-TOKEN-beef42';
const SENTINEL_AT = 'SENTINEL-ACCESS-TOKEN-feed99';
const session = 'token-responses-session-0123456789abcdef';

let stand: StandIn;
let c: TestConsentry;
const clients: Record<string, string> = {};
const errors: unknown[] = [];

const consumer: OAuth2Consumer = { purpose: 'probe', onTokenGranted: () => '/done' };

beforeAll(async () => {
  stand = await startStandIn();
  const endpoints = {
    authorization: `${stand.url}/authorize`,
    token: `${stand.url}/token`,
    revocation: `${stand.url}/revoke`,
    jwks: `${stand.url}/jwks`,
  };
  c = await startConsentry({
    env: { DEMO_PROVIDER: 'false' },
    consumers: [consumer],
    providers: [
      {
        key: 'stand',
        displayName: 'Stand-in',
        protocol: 'oauth2',
        endpoints,
        clientAuth: 'client_secret_basic',
      },
      {
        key: 'stand-oidc',
        displayName: 'Stand-in OIDC',
        protocol: 'oidc',
        issuer: stand.url,
        endpoints,
        clientAuth: 'client_secret_post',
      },
    ],
    clientOptions: { protocol: { allowInsecure: () => true, timeoutMs: 400, fetch: loopbackFetch } },
  });
  for (const key of ['stand', 'stand-oidc']) {
    clients[key] = (
      await c.app.store.clients.create({
        providerKey: key,
        name: key,
        clientId: `${key}-client`,
        clientSecret: SENTINEL_SECRET,
      })
    ).id;
  }
});
afterAll(async () => {
  await c.close();
  await stand.close();
});
beforeEach(() => {
  stand.requests.length = 0;
});

async function connections(): Promise<number> {
  return (await c.app.store.connections.list()).length;
}

/** Starts a flow, lets the stand-in answer the code exchange with `answer`, runs the callback. */
async function exchange(provider: 'stand' | 'stand-oidc', ...answers: Parameters<StandIn['answer']>) {
  const url = new URL(
    await c.app.client.beginConsent({
      client: clients[provider]!,
      scopes: provider === 'stand-oidc' ? ['openid', 'email'] : ['read'],
      purpose: 'probe',
      returnUrl: '/back',
      session,
    }),
  );
  stand.answer(...answers);
  const state = url.searchParams.get('state')!;
  const nonce = url.searchParams.get('nonce') ?? undefined;
  const run = () =>
    c.app.client.handleCallback(`${c.baseUrl}/oauth/callback?code=code-123&state=${state}`, session);
  return { run, nonce };
}

async function expectRejected(
  provider: 'stand' | 'stand-oidc',
  answer: Answer,
  code: string,
  detail?: RegExp,
) {
  const before = await connections();
  const { run } = await exchange(provider, answer);
  const error = await run().catch((e: unknown) => e);
  errors.push(error);
  expect(isConsentryError(error), String(error)).toBe(true);
  expect(error).toMatchObject({ code });
  expect((error as Error).message).toContain(provider);
  if (detail) expect((error as Error).message).toMatch(detail);
  expect(await connections()).toBe(before);
}

const ok = (extra: Record<string, unknown> = {}): Answer => ({
  status: 200,
  body: {
    access_token: SENTINEL_AT,
    token_type: 'Bearer',
    expires_in: 3600,
    refresh_token: SENTINEL_RT,
    ...extra,
  },
});

describe('token endpoint responses that are rejected', () => {
  it('sends the exact request: Basic auth (unreserved characters kept), code, redirect_uri, PKCE verifier', async () => {
    const { run } = await exchange('stand', ok());
    await run();
    const req = stand.requests[0]!;
    expect(req.method).toBe('POST');
    expect(req.path).toBe('/token');
    // RFC 6749 §2.3.1 encoding, with RFC 3986 unreserved characters kept as they are (issue 12):
    // a strict decoder and a literal reader both see `stand-client`.
    const [scheme, b64] = String(req.headers.authorization).split(' ');
    expect(scheme).toBe('Basic');
    const [id, secret] = Buffer.from(b64!, 'base64').toString().split(':');
    expect(id).toBe('stand-client');
    expect([decodeURIComponent(id!), decodeURIComponent(secret!)]).toEqual(['stand-client', SENTINEL_SECRET]);
    const body = new URLSearchParams(req.body);
    expect(body.get('grant_type')).toBe('authorization_code');
    expect(body.get('code')).toBe('code-123');
    expect(body.get('redirect_uri')).toBe(`${c.baseUrl}/oauth/callback`);
    expect(body.get('code_verifier')).toMatch(/^[A-Za-z0-9_-]{43,128}$/);
    expect(body.get('client_secret')).toBeNull();
  });

  it('non-2xx with an OAuth error body', () =>
    expectRejected(
      'stand',
      { status: 400, body: { error: 'invalid_grant', error_description: 'bad code' } },
      'TOKEN_REQUEST_REJECTED',
      /invalid_grant/,
    ));
  it('non-2xx without an OAuth error body', () =>
    expectRejected('stand', { status: 400, body: 'nope' }, 'TOKEN_RESPONSE_INVALID'));
  it('an HTML error page (5xx) is a transient failure', () =>
    expectRejected(
      'stand',
      {
        status: 502,
        body: '<html><body>Bad gateway</body></html>',
        headers: { 'content-type': 'text/html' },
      },
      'PROVIDER_UNAVAILABLE',
      /502/,
    ));
  it('non-JSON with 200', () =>
    expectRejected(
      'stand',
      { status: 200, body: 'access_token=x', headers: { 'content-type': 'text/plain' } },
      'TOKEN_RESPONSE_INVALID',
    ));
  it('an empty body', () => expectRejected('stand', { status: 200, body: '' }, 'TOKEN_RESPONSE_INVALID'));
  it('HTTP 200 carrying {error} and no access_token is an error response (issue 11)', () =>
    expectRejected(
      'stand',
      { status: 200, body: { error: 'bad_verification_code' } },
      'TOKEN_REQUEST_REJECTED',
      /bad_verification_code/,
    ));
  it('a missing access_token', () =>
    expectRejected('stand', { status: 200, body: { token_type: 'bearer' } }, 'TOKEN_RESPONSE_INVALID'));
  it('a token_type other than bearer', () =>
    expectRejected('stand', ok({ token_type: 'mac' }), 'TOKEN_RESPONSE_INVALID'));
  it('a timeout is transient', () => expectRejected('stand', 'hang', 'PROVIDER_UNAVAILABLE'));
  it('a connection reset is transient', () => expectRejected('stand', 'reset', 'PROVIDER_UNAVAILABLE'));
});

describe('token endpoint responses that are accepted', () => {
  it('token_type in any letter case, expires_in as a string, no expires_in at all', async () => {
    for (const [answer, expiry] of [
      [ok({ token_type: 'BEARER', expires_in: '120' }), true],
      [ok({ token_type: 'bEaReR', expires_in: undefined }), false],
    ] as const) {
      const { run } = await exchange('stand', answer);
      await run();
      const latest = (await c.app.store.connections.list())[0]!;
      expect(latest.tokenType).toBe('bearer');
      if (expiry) expect(Math.abs(latest.expiresAt!.getTime() - (Date.now() + 120_000))).toBeLessThan(5000);
      else expect(latest.expiresAt).toBeUndefined();
    }
  });

  it('refresh: no new refresh_token keeps the old one; a new one replaces it', async () => {
    const { run } = await exchange('stand', ok({ expires_in: 1 }));
    await run();
    const id = (await c.app.store.connections.list())[0]!.id;
    stand.answer({ status: 200, body: { access_token: 'at-2', token_type: 'bearer', expires_in: 3600 } });
    await c.app.client.refresh(id);
    expect(await c.app.store.connections.refreshTokenOf(id)).toBe(SENTINEL_RT);
    const body = new URLSearchParams(stand.requests.at(-1)!.body);
    expect(body.get('grant_type')).toBe('refresh_token');
    expect(body.get('refresh_token')).toBe(SENTINEL_RT);
    stand.answer({
      status: 200,
      body: { access_token: 'at-3', token_type: 'bearer', refresh_token: 'rt-3' },
    });
    await c.app.client.refresh(id);
    expect(await c.app.store.connections.refreshTokenOf(id)).toBe('rt-3');
  });

  it('refresh: a timeout keeps the stored token untouched and records a transient failure', async () => {
    const { run } = await exchange('stand', ok());
    await run();
    const id = (await c.app.store.connections.list())[0]!.id;
    stand.answer('hang');
    const error = await c.app.client.refresh(id).catch((e: unknown) => e);
    errors.push(error);
    expect(error).toMatchObject({ code: 'PROVIDER_UNAVAILABLE' });
    const after = (await c.app.store.connections.get(id))!;
    expect(after.accessToken).toBe(SENTINEL_AT);
    expect(await c.app.store.connections.refreshTokenOf(id)).toBe(SENTINEL_RT);
    expect(after).toMatchObject({ status: 'active', failureCount: 1 });
  });
});

describe('ID tokens', () => {
  const base = () => {
    const now = Math.floor(Date.now() / 1000);
    return { iss: stand.url, aud: 'stand-oidc-client', sub: 'user-1', iat: now, exp: now + 300 };
  };
  async function withIdToken(build: (nonce: string) => Promise<string>, code: string | null) {
    const before = await connections();
    let nonce = '';
    const { run, nonce: n } = await exchange('stand-oidc', async () => ok({ id_token: await build(nonce) }));
    nonce = n!;
    const result = await run().catch((e: unknown) => e);
    if (code === null) {
      expect(result).toBe('/done');
      return;
    }
    errors.push(result);
    expect(result).toMatchObject({ code });
    expect(await connections()).toBe(before);
  }

  it('a valid ID token is accepted (sanity)', () =>
    withIdToken((nonce) => stand.idToken({ ...base(), nonce }), null));
  it('bad signature', () =>
    withIdToken((nonce) => stand.idToken({ ...base(), nonce }, { foreignKey: true }), 'ID_TOKEN_INVALID'));
  it('alg none', () =>
    withIdToken(
      async (nonce) => stand.idToken({ ...base(), nonce }, { unsignedNone: true }),
      'ID_TOKEN_INVALID',
    ));
  it('wrong iss', () =>
    withIdToken(
      (nonce) => stand.idToken({ ...base(), iss: 'https://other.example', nonce }),
      'ID_TOKEN_INVALID',
    ));
  it('missing iss', () =>
    withIdToken((nonce) => {
      const { iss: _iss, ...rest } = base();
      return stand.idToken({ ...rest, nonce });
    }, 'ID_TOKEN_INVALID'));
  it('aud without the client id', () =>
    withIdToken((nonce) => stand.idToken({ ...base(), aud: 'someone-else', nonce }), 'ID_TOKEN_INVALID'));
  it('an extra untrusted aud', () =>
    withIdToken(
      (nonce) =>
        stand.idToken({ ...base(), aud: ['stand-oidc-client', 'evil'], azp: 'stand-oidc-client', nonce }),
      'ID_TOKEN_INVALID',
    ));
  it('expired', () =>
    withIdToken(
      (nonce) => stand.idToken({ ...base(), exp: Math.floor(Date.now() / 1000) - 600, nonce }),
      'ID_TOKEN_INVALID',
    ));
  it('missing exp', () =>
    withIdToken((nonce) => {
      const { exp: _e, ...rest } = base();
      return stand.idToken({ ...rest, nonce });
    }, 'ID_TOKEN_INVALID'));
  it('missing iat', () =>
    withIdToken((nonce) => {
      const { iat: _i, ...rest } = base();
      return stand.idToken({ ...rest, nonce });
    }, 'ID_TOKEN_INVALID'));
  it('missing sub', () =>
    withIdToken((nonce) => {
      const { sub: _s, ...rest } = base();
      return stand.idToken({ ...rest, nonce });
    }, 'ID_TOKEN_INVALID'));
  it('wrong nonce', () =>
    withIdToken(() => stand.idToken({ ...base(), nonce: 'not-the-nonce' }), 'ID_TOKEN_INVALID'));
  it('missing nonce', () => withIdToken(() => stand.idToken(base()), 'ID_TOKEN_INVALID'));
  it('missing ID token although openid was requested', async () => {
    const { run } = await exchange('stand-oidc', ok());
    await expect(run()).rejects.toMatchObject({ code: 'ID_TOKEN_INVALID' });
  });

  it('unknown kid: the JWKS is refetched once, then the token is rejected; a rotated key is accepted', async () => {
    await withIdToken((nonce) => stand.idToken({ ...base(), nonce }), null);
    await new Promise((r) => setTimeout(r, 1100)); // past the key set's refetch cooldown
    const fetches = stand.jwksFetches;
    await withIdToken(
      (nonce) => stand.idToken({ ...base(), nonce }, { kid: 'never-published' }),
      'ID_TOKEN_INVALID',
    );
    expect(stand.jwksFetches).toBe(fetches + 1);
    await new Promise((r) => setTimeout(r, 1100));
    await stand.rotateKey();
    await withIdToken((nonce) => stand.idToken({ ...base(), nonce }), null);
  });

  it('a refreshed ID token naming another subject is refused, the token kept, the connection needs_reauth (account_mismatch)', async () => {
    let nonce = '';
    const { run, nonce: n } = await exchange('stand-oidc', async () =>
      ok({ id_token: await stand.idToken({ ...base(), nonce }) }),
    );
    nonce = n!;
    await run();
    const id = (await c.app.store.connections.list())[0]!.id;
    stand.answer(async () =>
      ok({ access_token: 'at-new', id_token: await stand.idToken({ ...base(), sub: 'user-2' }) }),
    );
    await expect(c.app.client.refresh(id)).rejects.toMatchObject({
      code: 'CONNECTION_NEEDS_REAUTH',
      facts: { cause: 'account_mismatch' },
    });
    const after = (await c.app.store.connections.get(id))!;
    expect(after.accessToken).toBe(SENTINEL_AT);
    expect(after.status).toBe('needs_reauth');
    expect(after.health?.cause).toBe('account_mismatch');
  });
});

describe('secrets never leak', () => {
  it('a provider echoing the request body into its error does not carry secrets into our error', async () => {
    const { run } = await exchange('stand', (req) => ({
      status: 400,
      body: {
        error: 'invalid_request',
        error_description: `you sent ${req.body} ${req.headers.authorization}`,
      },
    }));
    const error = await run().catch((e: unknown) => e);
    errors.push(error);
    const id = (await c.app.store.connections.list())[0]?.id;
    if (id) {
      stand.answer((req) => ({
        status: 400,
        body: { error: 'invalid_grant', error_description: `echo ${req.body}` },
      }));
      errors.push(await c.app.client.refresh(id).catch((e: unknown) => e));
    }
  });

  it('no error, error JSON or log line ever contains the client secret, refresh token or access token', async () => {
    expect(errors.length).toBeGreaterThan(20);
    const formEncode = (v: string) =>
      encodeURIComponent(v).replace(/[!*'()]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
    const basic = Buffer.from(`${formEncode('stand-client')}:${formEncode(SENTINEL_SECRET)}`).toString(
      'base64',
    );
    for (const e of errors) {
      const text = [
        String(e),
        (e as Error).message,
        JSON.stringify(e),
        String((e as { cause?: unknown }).cause),
      ].join('\n');
      for (const secret of [SENTINEL_SECRET, SENTINEL_RT, SENTINEL_AT, basic])
        expect(text).not.toContain(secret);
    }
    const logs = c.logs.join('');
    expect(logs.length).toBeGreaterThan(0);
    for (const secret of [SENTINEL_SECRET, SENTINEL_RT, SENTINEL_AT, basic])
      expect(logs).not.toContain(secret);
  });
});
