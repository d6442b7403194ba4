import { decodeProtectedHeader, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareClientRegistration } from '../../src/catalog/api.ts';
import { CATALOG } from '../../src/catalog/providers/index.ts';
import { CONSUMERS_TENANT_ID } from '../../src/catalog/quirks/microsoft.ts';
import { ProviderRegistry } from '../../src/catalog/registry.ts';
import type { OAuth2Consumer } from '../../src/core/consumers.ts';
import { classifyRefusal } from '../../src/core/refresh-outcome.ts';
import type { RegisteredClient } from '../../src/domain/connection.ts';
import { isConsentryError } from '../../src/domain/errors.ts';
import {
  exchangeCode,
  refreshAccessToken,
  revokeToken,
  validateAuthorizationResponse,
} from '../../src/protocol/grant.ts';
import { openProviderSession } from '../../src/protocol/provider-session.ts';
import { startConsentry, type TestConsentry } from '../support/consentry.ts';
import { type StandIn, startStandIn } from '../support/stand-in.ts';
import {
  appleSigningKey,
  basicAuth,
  clientFor,
  REDIRECT_URI,
  rewriteForStandIn,
  SETTINGS,
  standInPath,
} from './support.ts';

/** Each quirk module against the bad (and odd) answers it exists for. */
const registry = new ProviderRegistry(CATALOG);
let standIn: StandIn;
beforeAll(async () => {
  standIn = await startStandIn();
});
afterAll(async () => {
  await standIn.close();
});

async function sessionFor(
  key: string,
  values: Record<string, string> = {},
  overrides: Partial<RegisteredClient> = {},
) {
  const entry = registry.get(key);
  const provider = rewriteForStandIn(entry, standIn.url);
  return openProviderSession({
    provider,
    client: clientFor(provider, values, overrides),
    quirks: registry.quirksOf(entry),
    clientSecret: key === 'apple' ? (await appleSigningKey()).pem : `secret-${key}`,
    settings: SETTINGS,
  });
}

async function exchange(session: Awaited<ReturnType<typeof sessionFor>>, nonce?: string) {
  return exchangeCode(session, {
    callbackParams: validateAuthorizationResponse(
      session,
      new URLSearchParams({ code: 'c', state: 's' }),
      's',
    ),
    redirectUri: REDIRECT_URI,
    codeVerifier: session.usePkce ? 'v'.repeat(43) : undefined,
    nonce,
    requireIdToken: nonce !== undefined,
  });
}

describe('GitHub', () => {
  let app: TestConsentry;
  const granted: string[][] = [];
  const consumer: OAuth2Consumer = {
    purpose: 'repos',
    onTokenGranted(token) {
      granted.push([...token.scopes]);
      return '/repos/connected';
    },
  };
  const SESSION = 'browser-session-0123456789abcdef';

  beforeAll(async () => {
    app = await startConsentry({
      env: { DEMO_PROVIDER: 'false' },
      consumers: [consumer],
      // The catalog entry with its URLs pointed at the stand-in; the quirk module is the real one.
      providers: [rewriteForStandIn(registry.get('github'), standIn.url)],
    });
    await app.app.store.clients.create({
      providerKey: 'github',
      name: 'GitHub',
      clientId: 'gh-client',
      clientSecret: 'gh-secret-SENTINEL',
    });
  });
  afterAll(async () => {
    await app.close();
  });

  async function callback(answer: object) {
    const consent = new URL(
      await app.app.client.beginConsent({
        provider: 'github',
        preset: 'login',
        purpose: 'repos',
        returnUrl: '/repos',
        session: SESSION,
      }),
    );
    standIn.answer({ status: 200, body: answer });
    const state = consent.searchParams.get('state')!;
    const mark = standIn.requests.length;
    const result = app.app.client.handleCallback(`/oauth/callback?code=gh-code&state=${state}`, SESSION);
    return { result, state, requests: () => standIn.requests.slice(mark) };
  }

  it('an HTTP-200 error body is a clear error and nothing is stored', async () => {
    const { result, state, requests } = await callback({
      error: 'bad_verification_code',
      error_description: 'The code passed is incorrect or expired.',
      error_uri:
        'https://docs.github.com/apps/managing-oauth-apps/troubleshooting-oauth-app-access-token-request-errors/#bad-verification-code',
    });
    const error = await result.catch((e: unknown) => e);
    expect(isConsentryError(error, 'TOKEN_REQUEST_REJECTED')).toBe(true);
    expect((error as Error).message).toContain('bad_verification_code');
    expect((error as { facts: object }).facts).toMatchObject({
      provider: 'github',
      oauthError: 'bad_verification_code',
      status: 400,
    });
    expect(await app.app.store.connections.list()).toEqual([]);
    expect(granted).toEqual([]);
    // The request asked for JSON and carried the client credentials in the body.
    const [req] = requests();
    expect(req?.headers.accept).toBe('application/json');
    expect(new URLSearchParams(req!.body).get('client_secret')).toBe('gh-secret-SENTINEL');
    // The flow was consumed: the same state cannot be replayed.
    await expect(
      app.app.client.handleCallback(`/oauth/callback?code=x&state=${state}`, SESSION),
    ).rejects.toMatchObject({
      code: 'FLOW_UNKNOWN',
    });
    expect(app.logs.join('\n')).not.toContain('gh-secret-SENTINEL');
  });

  it('a success answer (comma-separated scope, no expiry) is stored with the scopes split', async () => {
    const { result } = await callback({
      access_token: 'gho_16C7e42F292c6912E7710c838347Ae178B4a',
      scope: 'read:user,user:email',
      token_type: 'bearer',
    });
    expect(await result).toBe('/repos/connected');
    expect(granted).toEqual([['read:user', 'user:email']]);
    const [connection] = await app.app.store.connections.list();
    expect(connection?.scopes).toEqual(['read:user', 'user:email']);
    expect(connection?.expiresAt).toBeUndefined();
  });

  it('revocation is DELETE /applications/{client_id}/grant with Basic auth and a JSON body', async () => {
    const session = await sessionFor('github');
    standIn.answer({ status: 204 });
    const mark = standIn.requests.length;
    expect(await revokeToken(session, 'gho_token')).toBe(true);
    const [req] = standIn.requests.slice(mark);
    expect(req?.method).toBe('DELETE');
    expect(req?.path).toBe('/api.github.com/applications/client-github/grant');
    expect(req?.headers.authorization).toBe(
      `Basic ${Buffer.from('client-github:secret-github').toString('base64')}`,
    );
    expect(JSON.parse(req!.body)).toEqual({ access_token: 'gho_token' });
    standIn.answer({ status: 404, body: { message: 'Not Found' } });
    await expect(revokeToken(session, 'gho_token')).rejects.toMatchObject({ code: 'TOKEN_RESPONSE_INVALID' });
  });

  it('the request a quirk builds itself (GitHub grant revocation) is bounded by the session timeout', async () => {
    const entry = registry.get('github');
    const provider = rewriteForStandIn(entry, standIn.url);
    const session = await openProviderSession({
      provider,
      client: clientFor(provider, {}, {}),
      quirks: registry.quirksOf(entry),
      clientSecret: 'secret-github',
      // 300 ms instead of the egress's own 10 s default, which the test's 5 s limit would outlast.
      settings: { ...SETTINGS, timeoutMs: 300 },
    });
    standIn.answer('hang');
    await expect(revokeToken(session, 'gho_token')).rejects.toMatchObject({ code: 'PROVIDER_UNAVAILABLE' });
  }, 5_000);
});

describe('Slack', () => {
  it("ok:false answers become OAuth errors with Slack's name; the entry's mappings say what they mean", async () => {
    const session = await sessionFor('slack');
    const slack = new ProviderRegistry(CATALOG).get('slack');
    const classify = (e: unknown, stage: 'refresh' | 'exchange') =>
      classifyRefusal(e, { provider: slack, stage });
    standIn.answer({ status: 200, body: { ok: false, error: 'invalid_code' } });
    const e1 = await exchange(session).catch((e: unknown) => e);
    expect(e1).toMatchObject({ code: 'TOKEN_REQUEST_REJECTED', facts: { oauthError: 'invalid_code' } });
    expect(classify(e1, 'exchange')).toMatchObject({ kind: 'grant_dead', cause: 'revoked' });
    standIn.answer({ status: 200, body: { ok: false, error: 'bad_client_secret' } });
    const e2 = await exchange(session).catch((e: unknown) => e);
    expect(e2).toMatchObject({ facts: { oauthError: 'bad_client_secret' } });
    expect(classify(e2, 'exchange')).toMatchObject({ kind: 'client_invalid', cause: 'client_invalid' });
    standIn.answer({ status: 200, body: { ok: false, error: 'invalid_refresh_token' } });
    const e3 = await refreshAccessToken(session, 'xoxe-1-old').catch((e: unknown) => e);
    expect(classify(e3, 'refresh')).toMatchObject({ kind: 'grant_dead', cause: 'revoked' });
  });

  it('a user-only install: the token nested under authed_user is lifted (token_type user)', async () => {
    const session = await sessionFor('slack');
    standIn.answer({
      status: 200,
      body: {
        ok: true,
        app_id: 'A0KRD7HC3',
        authed_user: {
          id: 'U1234',
          scope: 'search:read,chat:write',
          access_token: 'xoxp-1234',
          token_type: 'user',
        },
        team: { id: 'T9TK3CUKW', name: 'Acme' },
        enterprise: null,
        is_enterprise_install: false,
      },
    });
    const grant = await exchange(session);
    expect(grant.response).toMatchObject({
      access_token: 'xoxp-1234',
      token_type: 'user',
      scope: 'search:read,chat:write',
      authed_user_id: 'U1234',
      team_id: 'T9TK3CUKW',
    });
    expect(grant.response).not.toHaveProperty('authed_user');
  });

  it('with token rotation, a refresh returns a bot token with expiry and a new refresh token', async () => {
    const session = await sessionFor('slack');
    standIn.answer({
      status: 200,
      body: {
        ok: true,
        access_token: 'xoxe.xoxb-new',
        token_type: 'bot',
        expires_in: 43200,
        refresh_token: 'xoxe-1-new',
        team: { id: 'T1' },
      },
    });
    const mark = standIn.requests.length;
    const grant = await refreshAccessToken(session, 'xoxe-1-old');
    expect(grant.response).toMatchObject({
      access_token: 'xoxe.xoxb-new',
      refresh_token: 'xoxe-1-new',
      expires_in: 43200,
    });
    const [req] = standIn.requests.slice(mark);
    expect(req?.path).toBe(standInPath('https://slack.com/api/oauth.v2.access'));
    expect(req?.headers.authorization).toBe(basicAuth('client-slack', 'secret-slack'));
  });

  it('an unknown token_type is still refused', async () => {
    const session = await sessionFor('slack');
    standIn.answer({ status: 200, body: { ok: true, access_token: 'x', token_type: 'mac' } });
    await expect(exchange(session)).rejects.toMatchObject({ code: 'TOKEN_RESPONSE_INVALID' });
  });
});

describe('Notion', () => {
  it('sends Basic auth with a JSON body and keeps the workspace fields', async () => {
    const session = await sessionFor('notion');
    standIn.answer({
      status: 200,
      body: {
        access_token: 'secret_abc',
        token_type: 'bearer',
        bot_id: 'b',
        workspace_id: 'w',
        workspace_name: 'Acme',
        owner: { type: 'user' },
      },
    });
    const mark = standIn.requests.length;
    const grant = await exchange(session);
    const [req] = standIn.requests.slice(mark);
    expect(req?.headers['content-type']).toBe('application/json');
    expect(req?.headers.authorization).toBe(basicAuth('client-notion', 'secret-notion'));
    expect(JSON.parse(req!.body)).toEqual({
      grant_type: 'authorization_code',
      code: 'c',
      redirect_uri: REDIRECT_URI,
    });
    expect(grant.response.workspace_id).toBe('w');
    standIn.answer({ status: 400, body: { error: 'invalid_grant', error_description: 'Invalid code.' } });
    await expect(exchange(session)).rejects.toMatchObject({
      facts: { oauthError: 'invalid_grant', status: 400 },
    });
  });
});

describe('Salesforce', () => {
  it('no expires_in: the session timeout of the registered client stands in; instance_url is kept', async () => {
    const session = await sessionFor('salesforce', {
      login_host: 'test.salesforce.com',
      session_minutes: '30',
    });
    standIn.answer({
      status: 200,
      body: {
        access_token: '00D!x',
        instance_url: 'https://acme--dev.sandbox.my.salesforce.com',
        id: 'https://test.salesforce.com/id/00D/005',
        token_type: 'Bearer',
        issued_at: '1278448101416',
        signature: 'sig',
      },
    });
    const mark = standIn.requests.length;
    const grant = await exchange(session);
    expect(standIn.requests[mark]?.path).toBe('/test.salesforce.com/services/oauth2/token');
    expect(grant.response.expires_in).toBe(1800);
    expect(grant.response.instance_url).toBe('https://acme--dev.sandbox.my.salesforce.com');
    // A provided expires_in is never overridden.
    standIn.answer({ status: 200, body: { access_token: 'x', token_type: 'Bearer', expires_in: 60 } });
    expect((await exchange(session)).response.expires_in).toBe(60);
  });
});

describe('Microsoft tenant issuer', () => {
  const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
  const OTHER = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';
  async function idTokenFlow(tenant: string, tid: string | undefined) {
    const session = await sessionFor('microsoft', { tenant });
    const now = Math.floor(Date.now() / 1000);
    const idToken = await standIn.idToken({
      iss: `https://login.microsoftonline.com/${tid}/v2.0`,
      aud: 'client-microsoft',
      sub: 'ms-user',
      iat: now,
      exp: now + 600,
      nonce: 'n',
      ...(tid ? { tid } : {}),
    });
    standIn.answer({
      status: 200,
      body: { access_token: 'eyJ0', token_type: 'Bearer', expires_in: 3600, id_token: idToken },
    });
    return exchange(session, 'n');
  }

  it('a configured tenant accepts its own tokens and refuses another tenant', async () => {
    const ok = await idTokenFlow(TENANT, TENANT);
    expect(ok.idTokenClaims?.iss).toBe(`https://login.microsoftonline.com/${TENANT}/v2.0`);
    await expect(idTokenFlow(TENANT, OTHER)).rejects.toMatchObject({
      code: 'ID_TOKEN_INVALID',
      facts: { reason: 'tenant' },
    });
    // The tenant id in upper case is the same tenant.
    expect((await idTokenFlow(TENANT.toUpperCase(), TENANT)).idTokenClaims?.tid).toBe(TENANT);
  });

  it('common takes any tenant; organizations refuses personal accounts; consumers takes only them', async () => {
    expect((await idTokenFlow('common', OTHER)).idTokenClaims?.iss).toBe(
      `https://login.microsoftonline.com/${OTHER}/v2.0`,
    );
    await expect(idTokenFlow('organizations', CONSUMERS_TENANT_ID)).rejects.toMatchObject({
      code: 'ID_TOKEN_INVALID',
    });
    expect((await idTokenFlow('organizations', OTHER)).idTokenClaims?.sub).toBe('ms-user');
    await expect(idTokenFlow('consumers', OTHER)).rejects.toMatchObject({ code: 'ID_TOKEN_INVALID' });
    expect((await idTokenFlow('consumers', CONSUMERS_TENANT_ID)).idTokenClaims?.sub).toBe('ms-user');
  });

  it('a token without tid, or whose iss does not match its tid, is refused', async () => {
    await expect(idTokenFlow('common', undefined)).rejects.toMatchObject({ code: 'ID_TOKEN_INVALID' });
    const session = await sessionFor('microsoft', { tenant: 'common' });
    const now = Math.floor(Date.now() / 1000);
    const forged = await standIn.idToken({
      iss: `https://login.microsoftonline.com/${TENANT}/v2.0`,
      tid: OTHER,
      aud: 'client-microsoft',
      sub: 'x',
      iat: now,
      exp: now + 600,
      nonce: 'n',
    });
    standIn.answer({ status: 200, body: { access_token: 'a', token_type: 'Bearer', id_token: forged } });
    await expect(exchange(session, 'n')).rejects.toMatchObject({ code: 'ID_TOKEN_INVALID' });
  });
});

describe('Apple client secret', () => {
  it('is an ES256 JWT signed with the team key: kid, iss = team, sub = client id, aud = appleid.apple.com', async () => {
    const session = await sessionFor(
      'apple',
      { team_id: 'TEAM123456', key_id: 'KEY1234567' },
      { clientId: 'com.example.web' },
    );
    standIn.answer({
      status: 200,
      body: { access_token: 'a', token_type: 'Bearer', expires_in: 3600, refresh_token: 'r' },
    });
    const mark = standIn.requests.length;
    await exchange(session);
    const body = new URLSearchParams(standIn.requests[mark]!.body);
    expect(body.get('client_id')).toBe('com.example.web');
    const jwt = body.get('client_secret')!;
    expect(decodeProtectedHeader(jwt)).toEqual({ alg: 'ES256', kid: 'KEY1234567' });
    const { payload } = await jwtVerify(jwt, (await appleSigningKey()).publicKey, {
      issuer: 'TEAM123456',
      subject: 'com.example.web',
      audience: 'https://appleid.apple.com',
      algorithms: ['ES256'],
    });
    expect(payload.exp! - payload.iat!).toBeGreaterThan(0);
    expect(payload.exp! - payload.iat!).toBeLessThanOrEqual(15_777_000); // at most six months
  });

  it('a secret that is not the .p8 key is refused at registration, without quoting it', async () => {
    const error = await prepareClientRegistration(registry, {
      providerKey: 'apple',
      clientId: 'com.example.web',
      clientSecret: 'NOT-A-KEY-SENTINEL',
      templateValues: { team_id: 'TEAM123456', key_id: 'KEY1234567' },
    }).catch((e: unknown) => e);
    expect(isConsentryError(error, 'CLIENT_INVALID')).toBe(true);
    expect(String((error as Error).message)).not.toContain('SENTINEL');
    const ok = await prepareClientRegistration(registry, {
      providerKey: 'apple',
      clientId: 'com.example.web',
      clientSecret: (await appleSigningKey()).pem,
      templateValues: { team_id: 'TEAM123456', key_id: 'KEY1234567' },
    });
    expect(ok.templateValues).toEqual({ team_id: 'TEAM123456', key_id: 'KEY1234567' });
  });
});

describe('Mastodon: any instance, no client id to copy', () => {
  let app: TestConsentry;
  const SESSION = 'browser-session-mastodon-0123456789';
  beforeAll(async () => {
    app = await startConsentry({
      env: { DEMO_PROVIDER: 'false' },
      consumers: [{ purpose: 'social', onTokenGranted: () => '/social/connected' }],
    });
  });
  afterAll(async () => {
    await app.close();
  });

  it('registers the app on the instance at first use, stores the credentials, and connects', async () => {
    // What an administrator types: just the instance URL (the stand-in plays the instance).
    const prepared = await prepareClientRegistration(app.app.providers, {
      providerKey: 'mastodon',
      name: 'Consentry',
      templateValues: { instance: `${standIn.url}/@admin` },
    });
    expect(prepared.clientId).toBe('');
    const client = await app.app.store.clients.create(prepared);

    standIn.answer((req) =>
      req.path === '/api/v1/apps'
        ? {
            status: 200,
            body: {
              id: '563419',
              name: 'Consentry',
              website: app.baseUrl,
              redirect_uri: app.app.client.redirectUri,
              client_id: 'TWhM-tNSuncnqN7DBJmoyeLnk6K3iJJ71KKXxgL1hPM',
              client_secret: 'ZEaFUFmF0umgBX1qKJDjaU99Q31lDkOU8NutzTOoliw',
              vapid_key:
                'BCk-QqERU0q-CfYZjcuB6lnyyOYfJ2AifKqfeGIm7Z-HiTU5T9eTG5GxVA0_OH5mMlI4UkkDTpaZwozy0TzdZ2M=',
            },
          }
        : { status: 404 },
    );
    const mark = standIn.requests.length;
    const consent = new URL(
      await app.app.client.beginConsent({
        provider: 'mastodon',
        preset: 'login',
        purpose: 'social',
        returnUrl: '/social',
        session: SESSION,
      }),
    );
    const [registration] = standIn.requests.slice(mark);
    expect(registration?.method).toBe('POST');
    expect(JSON.parse(registration!.body)).toEqual({
      client_name: 'Consentry',
      redirect_uris: app.app.client.redirectUri,
      scopes: 'read write push',
      website: app.baseUrl,
    });
    expect(`${consent.origin}${consent.pathname}`).toBe(`${standIn.url}/oauth/authorize`);
    expect(consent.searchParams.get('client_id')).toBe('TWhM-tNSuncnqN7DBJmoyeLnk6K3iJJ71KKXxgL1hPM');
    expect(consent.searchParams.get('scope')).toBe('read:accounts');

    const stored = await app.app.store.clients.get(client.id);
    expect(stored?.clientId).toBe('TWhM-tNSuncnqN7DBJmoyeLnk6K3iJJ71KKXxgL1hPM');
    expect(await app.app.store.clients.secretOf(client.id)).toBe(
      'ZEaFUFmF0umgBX1qKJDjaU99Q31lDkOU8NutzTOoliw',
    );

    // Second consent: no second registration.
    const before = standIn.requests.length;
    await app.app.client.beginConsent({
      provider: 'mastodon',
      preset: 'login',
      purpose: 'social',
      returnUrl: '/social',
      session: SESSION,
    });
    expect(standIn.requests.length).toBe(before);

    // The callback: client_secret_post with the registered credentials; tokens never expire.
    standIn.answer({
      status: 200,
      body: {
        access_token: 'ZA-Yj3aBD8U8Cm7lKUp-lm9O9BmDgdhHzDeqsY8tlL0',
        token_type: 'Bearer',
        scope: 'read:accounts',
        created_at: 1573979017,
      },
    });
    const state = consent.searchParams.get('state')!;
    const tokenMark = standIn.requests.length;
    expect(await app.app.client.handleCallback(`/oauth/callback?code=mc&state=${state}`, SESSION)).toBe(
      '/social/connected',
    );
    const [tokenReq] = standIn.requests.slice(tokenMark);
    expect(tokenReq?.path).toBe('/oauth/token');
    const form = new URLSearchParams(tokenReq!.body);
    expect(form.get('client_id')).toBe('TWhM-tNSuncnqN7DBJmoyeLnk6K3iJJ71KKXxgL1hPM');
    expect(form.get('client_secret')).toBe('ZEaFUFmF0umgBX1qKJDjaU99Q31lDkOU8NutzTOoliw');
    expect(form.get('code_verifier')).toBeTruthy();
    const [connection] = await app.app.store.connections.list({ clientRef: client.id });
    expect(connection?.expiresAt).toBeUndefined();
    expect(connection?.hasRefreshToken).toBe(false);
    expect(app.logs.join('\n')).not.toContain('ZEaFUFmF0umgBX1qKJDjaU99Q31lDkOU8NutzTOoliw');
  });

  it('an instance that refuses the registration is a clear error and the client stays unregistered', async () => {
    const client = await app.app.store.clients.create(
      await prepareClientRegistration(app.app.providers, {
        providerKey: 'mastodon',
        name: 'Second',
        templateValues: { instance: standIn.url.replace('127.0.0.1', 'localhost') },
      }),
    );
    standIn.answer({
      status: 422,
      body: { error: 'Validation failed: Redirect URI must be an absolute URI.' },
    });
    const error = await app.app.client
      .beginConsent({
        client: client.id,
        preset: 'login',
        purpose: 'social',
        returnUrl: '/social',
        session: SESSION,
      })
      .catch((e: unknown) => e);
    expect(isConsentryError(error, 'CLIENT_REGISTRATION_FAILED')).toBe(true);
    expect((error as Error).message).toContain('HTTP 422');
    expect((await app.app.store.clients.get(client.id))?.clientId).toBe('');
  });
});
