import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AuthFixture, authFixture } from './fixture.ts';
import { authorize, authorizeUrl, claimsOf, json, pkce, staffer, tokenForm } from './user-flow.ts';

/**
 * Issue 14 over HTTP: the authorization endpoint, consent, PKCE, codes, refresh-token rotation
 * with reuse detection, RFC 7009 revocation, user-bound tokens and the staffer's own events, and
 * every RFC error case the issue lists. (Chromium drives the same pages in the browser suites.)
 */
let f: AuthFixture;
let native: { clientId: string };
let web: { clientId: string; clientSecret: string };
let ada: Awaited<ReturnType<typeof staffer>>;
const CB = 'http://127.0.0.1/cb';

beforeAll(async () => {
  f = await authFixture();
  native = await f.createApp({
    name: 'Staff app',
    clientType: 'public',
    redirectUris: [CB, 'org.example.staff:/cb'],
    scopes: ['participants:read', 'events:write'],
  });
  web = await f.createApp({ name: 'Web portal', redirectUris: ['https://portal.example.org/cb'] });
  ada = await staffer(f, 'ada@example.org');
}, 60_000);
afterAll(() => f?.close());

const nativeRequest = (challenge: string, extra: Record<string, string> = {}) =>
  authorizeUrl(f, {
    response_type: 'code',
    client_id: native.clientId,
    redirect_uri: 'http://127.0.0.1:53123/cb',
    scope: 'participants:read',
    state: 'st-1',
    code_challenge: challenge,
    code_challenge_method: 'S256',
    ...extra,
  });

async function codeFor(jar = ada.jar, redirect = 'http://127.0.0.1:53123/cb') {
  const p = pkce();
  const { location, consentShown } = await authorize(
    jar,
    nativeRequest(p.challenge, { redirect_uri: redirect }),
  );
  expect(location!.searchParams.get('state')).toBe('st-1');
  expect(location!.searchParams.get('iss')).toBe(f.baseUrl);
  return { code: location!.searchParams.get('code')!, verifier: p.verifier, consentShown, redirect };
}

async function exchange(code: string, verifier: string, redirect = 'http://127.0.0.1:53123/cb') {
  return tokenForm(f, {
    grant_type: 'authorization_code',
    client_id: native.clientId,
    code,
    code_verifier: verifier,
    redirect_uri: redirect,
  });
}

const api = (token: string, path = '/api/events/1/participants') =>
  fetch(`${f.baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });

describe('authorization code + PKCE for a public native app', () => {
  it('signs in, shows the consent screen, issues user-bound tokens; consent is remembered', async () => {
    // Not signed in: sent to the console's sign-in, coming back to the same request.
    const p = pkce();
    const anonymous = await fetch(nativeRequest(p.challenge), { redirect: 'manual' });
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toMatch(/^\/sign-in\?next=%2Foauth2-authorize%3F/);

    const { code, verifier, consentShown } = await codeFor();
    expect(consentShown).toBe(true);
    const res = await exchange(code, verifier);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = await json(res);
    expect(body).toMatchObject({ token_type: 'Bearer', scope: 'participants:read' });
    const claims = claimsOf(String(body.access_token));
    expect(claims).toMatchObject({
      sub: ada.id,
      client_id: native.clientId,
      scope: 'participants:read',
      aud: `${f.baseUrl}/api`,
    });
    expect(typeof claims.auth_time).toBe('number');

    // The staffer sees their own event, not another staffer's; the list holds theirs only.
    expect((await api(String(body.access_token))).status).toBe(200);
    expect((await api(String(body.access_token), '/api/events/2/participants')).status).toBe(404);
    expect(await json(await api(String(body.access_token), '/api/events'))).toEqual({
      events: [{ id: '1', title: 'Annual member meeting' }],
      user: 'ada@example.org',
    });

    // Neither the code nor any token is ever written to the log (the test logs at debug).
    const logs = f.consentry.logs.join('\n');
    for (const secret of [code, verifier, String(body.access_token), String(body.refresh_token)])
      expect(logs).not.toContain(secret);

    // Remembered consent: the next authorization goes straight back with a code.
    const again = await codeFor(ada.jar, 'http://[::1]:40001/cb'.replace('[::1]:40001', '127.0.0.1:40001'));
    expect(again.consentShown).toBe(false);
  });

  it('shows the application, its organization and each scope in words; escapes what it shows', async () => {
    const evil = await f.createApp({
      organization: 'Acme <b>Org</b>',
      name: '<script>x</script>',
      clientType: 'public',
      redirectUris: [CB],
    });
    const p = pkce();
    const res = await fetch(
      authorizeUrl(f, {
        response_type: 'code',
        client_id: evil.clientId,
        redirect_uri: CB,
        scope: 'participants:read events:write',
        code_challenge: p.challenge,
        code_challenge_method: 'S256',
      }),
      { headers: { cookie: ada.jar.header(f.baseUrl) } },
    );
    const page = await res.text();
    expect(res.status).toBe(200);
    expect(page).toContain('&#60;script&#62;x&#60;/script&#62;');
    expect(page).not.toContain('<script>x</script>');
    expect(page).toContain('Acme &#60;b&#62;Org&#60;/b&#62;');
    expect(page).toContain('See the participants of the events you work on');
    expect(page).toContain('Change the events you work on');
    expect(res.headers.get('content-security-policy')).toContain("form-action 'self' http://127.0.0.1");
  });

  it('rotates refresh tokens; a reused one revokes the whole grant (RFC 9700 §4.14)', async () => {
    const { code, verifier } = await codeFor();
    const first = await json(await exchange(code, verifier));
    const refresh = (token: string) =>
      tokenForm(f, { grant_type: 'refresh_token', client_id: native.clientId, refresh_token: token });
    const second = await json(await refresh(String(first.refresh_token)));
    expect(second.refresh_token).toBeDefined();
    expect(second.refresh_token).not.toBe(first.refresh_token);
    expect((await api(String(second.access_token))).status).toBe(200);
    // The rotated-out token comes back: refused, and the grant with every token of it ends.
    const reuse = await refresh(String(first.refresh_token));
    expect(reuse.status).toBe(400);
    expect((await json(reuse)).error).toBe('invalid_grant');
    expect((await json(await refresh(String(second.refresh_token)))).error).toBe('invalid_grant');
    expect((await api(String(second.access_token))).status).toBe(401);
    // Stored as hashes only: no refresh token appears in the database.
    const db = f.consentry.app.database.db;
    const rows = await db.selectFrom('oauth_refresh_tokens').select('token_hash').execute();
    expect(JSON.stringify(rows)).not.toContain(String(second.refresh_token));
  });

  it('RFC 7009: revoking a refresh token ends the grant and its access tokens', async () => {
    const { code, verifier } = await codeFor();
    const t = await json(await exchange(code, verifier));
    const revoke = await fetch(`${f.baseUrl}/oauth2-token/revoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: String(t.refresh_token), client_id: native.clientId }),
    });
    expect(revoke.status).toBe(200);
    expect((await api(String(t.access_token))).status).toBe(401);
    const after = await tokenForm(f, {
      grant_type: 'refresh_token',
      client_id: native.clientId,
      refresh_token: String(t.refresh_token),
    });
    expect((await json(after)).error).toBe('invalid_grant');
  });
});

describe('RFC error cases (issue 14)', () => {
  const base = (extra: Record<string, string> = {}) => {
    const p = pkce();
    return nativeRequest(p.challenge, extra);
  };

  it('wrong or unregistered redirect URI, unknown client: an error page, no redirect', async () => {
    for (const url of [
      base({ redirect_uri: 'http://127.0.0.1:53123/other' }),
      base({ redirect_uri: 'https://attacker.example/cb' }),
      base({ redirect_uri: 'http://localhost:53123/cb' }),
      base({ client_id: 'app_unknown' }),
    ]) {
      const { res, location, page } = await authorize(ada.jar, url);
      expect(res.status).toBe(400);
      expect(location).toBeUndefined();
      expect(page).toContain('cannot be completed');
    }
  });

  it('missing PKCE, plain PKCE, unknown scope, unknown resource, bad response_type: error back to the app', async () => {
    const cases: [string, string][] = [
      [
        authorizeUrl(f, { response_type: 'code', client_id: native.clientId, redirect_uri: CB, state: 's' }),
        'invalid_request',
      ],
      [base({ code_challenge_method: 'plain' }), 'invalid_request'],
      [base({ scope: 'participants:read admin' }), 'invalid_scope'],
      [base({ resource: 'https://elsewhere.example/api' }), 'invalid_target'],
      [base({ response_type: 'token' }), 'unsupported_response_type'],
    ];
    for (const [url, error] of cases) {
      const { location } = await authorize(ada.jar, url);
      expect(location?.origin, url).toBe(
        'http://127.0.0.1:53123'.replace(':53123', url.includes('53123') ? ':53123' : ''),
      );
      expect(location!.searchParams.get('error'), url).toBe(error);
      expect(location!.searchParams.get('iss')).toBe(f.baseUrl);
    }
  });

  it('a confidential client needs PKCE unless an administrator exempts it', async () => {
    const url = authorizeUrl(f, {
      response_type: 'code',
      client_id: web.clientId,
      redirect_uri: 'https://portal.example.org/cb',
    });
    expect((await authorize(ada.jar, url)).location!.searchParams.get('error')).toBe('invalid_request');
    await f.consentry.app.authserver.applications.update(web.clientId, { pkceExempt: true });
    const ok = await authorize(ada.jar, url);
    const code = ok.location!.searchParams.get('code')!;
    const t = await tokenForm(
      f,
      { grant_type: 'authorization_code', code, redirect_uri: 'https://portal.example.org/cb' },
      [web.clientId, web.clientSecret],
    );
    expect(t.status).toBe(200);
    await f.consentry.app.authserver.applications.update(web.clientId, { pkceExempt: false });
  });

  it('denied consent → access_denied with the state', async () => {
    const other = await staffer(f, 'grace@example.org');
    const { location, consentShown } = await authorize(other.jar, base(), 'deny');
    expect(consentShown).toBe(true);
    expect(location!.searchParams.get('error')).toBe('access_denied');
    expect(location!.searchParams.get('state')).toBe('st-1');
  });

  it('wrong verifier, missing verifier, other client, other redirect URI, expired: invalid_grant', async () => {
    const a = await codeFor();
    expect((await json(await exchange(a.code, pkce().verifier))).error).toBe('invalid_grant');
    // The failed PKCE check burnt the code: even the right verifier no longer works.
    expect((await json(await exchange(a.code, a.verifier))).error).toBe('invalid_grant');

    const b = await codeFor();
    const noVerifier = await tokenForm(f, {
      grant_type: 'authorization_code',
      client_id: native.clientId,
      code: b.code,
      redirect_uri: b.redirect,
    });
    expect((await json(noVerifier)).error).toBe('invalid_grant');

    const c = await codeFor();
    const otherClient = await tokenForm(
      f,
      { grant_type: 'authorization_code', code: c.code, code_verifier: c.verifier, redirect_uri: c.redirect },
      [web.clientId, web.clientSecret],
    );
    expect((await json(otherClient)).error).toBe('invalid_grant');
    expect((await json(await exchange(c.code, c.verifier, 'http://127.0.0.1:53123/cb2'))).error).toBe(
      'invalid_grant',
    );

    const d = await codeFor();
    f.clock.advance(61);
    expect((await json(await exchange(d.code, d.verifier))).error).toBe('invalid_grant');
  });

  it('code reuse: refused, and the tokens it issued are revoked', async () => {
    const { code, verifier } = await codeFor();
    const first = await json(await exchange(code, verifier));
    expect((await api(String(first.access_token))).status).toBe(200);
    const second = await exchange(code, verifier);
    expect((await json(second)).error).toBe('invalid_grant');
    expect((await api(String(first.access_token))).status).toBe(401);
    const refresh = await tokenForm(f, {
      grant_type: 'refresh_token',
      client_id: native.clientId,
      refresh_token: String(first.refresh_token),
    });
    expect((await json(refresh)).error).toBe('invalid_grant');
  });

  it('a public client cannot use client_credentials, nor send a secret', async () => {
    const cc = await tokenForm(f, { grant_type: 'client_credentials', client_id: native.clientId });
    expect(cc.status).toBe(400);
    expect((await json(cc)).error).toBe('unauthorized_client');
    const withSecret = await tokenForm(f, { grant_type: 'client_credentials' }, [native.clientId, 'guess']);
    expect(withSecret.status).toBe(401);
    expect((await json(withSecret)).error).toBe('invalid_client');
  });
});

describe('metadata strict clients accept', () => {
  it('RFC 8414 and RFC 9728 documents; WWW-Authenticate points at the resource metadata', async () => {
    const as = await json(await fetch(`${f.baseUrl}/.well-known/oauth-authorization-server`));
    expect(as).toMatchObject({
      authorization_endpoint: `${f.baseUrl}/oauth2-authorize`,
      response_types_supported: ['code'],
      code_challenge_methods_supported: ['S256'],
      grant_types_supported: expect.arrayContaining([
        'authorization_code',
        'refresh_token',
        'client_credentials',
        'urn:ietf:params:oauth:grant-type:device_code',
      ]),
      token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post', 'none'],
      device_authorization_endpoint: `${f.baseUrl}/oauth2-device-authorization`,
      authorization_response_iss_parameter_supported: true,
    });
    expect(as.registration_endpoint).toBeUndefined(); // off by default
    const pr = await json(await fetch(`${f.baseUrl}/.well-known/oauth-protected-resource/api`));
    expect(pr).toMatchObject({ resource: `${f.baseUrl}/api`, authorization_servers: [f.baseUrl] });
    const challenge = (await fetch(`${f.baseUrl}/api/events`)).headers.get('www-authenticate');
    expect(challenge).toBe(
      `Bearer realm="consentry", resource_metadata="${f.baseUrl}/.well-known/oauth-protected-resource/api"`,
    );
  });

  it('RFC 8707: the token audience is the resource asked for, among those the app may use', async () => {
    const p = pkce();
    const { location } = await authorize(
      ada.jar,
      nativeRequest(p.challenge, { resource: `${f.baseUrl}/api` }),
    );
    const t = await json(await exchange(location!.searchParams.get('code')!, p.verifier));
    expect(claimsOf(String(t.access_token)).aud).toBe(`${f.baseUrl}/api`);
    const cc = await tokenForm(
      f,
      { grant_type: 'client_credentials', resource: `${f.baseUrl}/frontend-api` },
      [web.clientId, web.clientSecret],
    );
    expect((await json(cc)).error).toBe('invalid_target');
  });
});

describe('Authorized apps', () => {
  it('lists the user’s apps and revokes one; administrators see and revoke any grant', async () => {
    const alan = await staffer(f, 'alan@example.org');
    const p = pkce();
    const { location } = await authorize(alan.jar, nativeRequest(p.challenge));
    const t = await json(await exchange(location!.searchParams.get('code')!, p.verifier));
    expect(await json(await api(String(t.access_token), '/api/events'))).toMatchObject({
      events: [{ id: '2' }],
    });

    const { request } = await import('../support/browserless.ts');
    const { csrfFrom } = await import('../console/support/console-client.ts');
    const page = await (await request(alan.jar, `${f.baseUrl}/authorized-apps`)).text();
    expect(page).toContain('Staff app');
    expect(page).not.toContain('Web portal');
    const action = /action="(\/authorized-apps\/[^"]+\/revoke)"/.exec(page)![1]!;
    const res = await request(alan.jar, `${f.baseUrl}${action}`, {
      method: 'POST',
      body: new URLSearchParams({ _csrf: csrfFrom(page) }),
    });
    expect(res.status).toBe(303);
    expect((await api(String(t.access_token))).status).toBe(401);
    // Consent was forgotten: the next authorization asks again.
    const p2 = pkce();
    const again = await authorize(alan.jar, nativeRequest(p2.challenge));
    expect(again.consentShown).toBe(true);
    await exchange(again.location!.searchParams.get('code')!, p2.verifier);

    const grants = await f.consentry.app.authserver.grants();
    expect(grants.some((g) => g.userEmail === 'alan@example.org')).toBe(true);
    const g = grants.find((x) => x.userEmail === 'alan@example.org')!;
    await f.consentry.app.authserver.revokeGrant(g.id, 'revoked_by_admin');
    expect((await f.consentry.app.authserver.grants()).some((x) => x.id === g.id)).toBe(false);
  });
});
