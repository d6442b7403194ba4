import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AuthFixture, authFixture, basic } from './fixture.ts';

/** Every refusal the provider role owes (SECURITY.md, "Provider role"), over real HTTP. */
let f: AuthFixture;
let app: { clientId: string; clientSecret: string; id: string };
beforeAll(async () => {
  f = await authFixture();
  app = await f.createApp();
});
afterAll(async () => f?.close());

const cc = { grant_type: 'client_credentials' };

async function expectOAuthError(res: Response, status: number, error: string) {
  expect(res.status).toBe(status);
  expect(res.headers.get('cache-control')).toBe('no-store');
  const body = (await res.json()) as { error: string; error_description: string };
  expect(body.error).toBe(error);
  expect(typeof body.error_description).toBe('string');
  return body;
}

async function token(a = app, form: Record<string, string> = {}) {
  const res = await f.tokenRequest({ ...cc, ...form }, { basic: [a.clientId, a.clientSecret] });
  expect(res.status).toBe(200);
  return ((await res.json()) as { access_token: string }).access_token;
}

const callApi = (accessToken: string, path = '/api/events/1/participants', init: RequestInit = {}) =>
  fetch(`${f.baseUrl}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${accessToken}`, ...(init.headers ?? {}) },
  });

const introspect = async (accessToken: string, caller = app) =>
  (await (
    await fetch(`${f.baseUrl}/oauth2-token/introspect`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: basic(caller.clientId, caller.clientSecret),
      },
      body: new URLSearchParams({ token: accessToken }).toString(),
    })
  ).json()) as { active: boolean; client_id?: string };

describe('token endpoint errors (RFC 6749 §5.2)', () => {
  it('wrong secret → 401 invalid_client with WWW-Authenticate', async () => {
    const res = await f.tokenRequest(cc, { basic: [app.clientId, 'not-the-secret'] });
    await expectOAuthError(res, 401, 'invalid_client');
    expect(res.headers.get('www-authenticate')).toMatch(/^Basic realm=/);
  });

  it('unknown client, and no client authentication at all → 401 invalid_client', async () => {
    await expectOAuthError(await f.tokenRequest(cc, { basic: ['app_nope', 'x'] }), 401, 'invalid_client');
    await expectOAuthError(await f.tokenRequest(cc), 401, 'invalid_client');
    await expectOAuthError(await f.tokenRequest({ ...cc, client_id: app.clientId }), 401, 'invalid_client');
  });

  it('unknown grant → unsupported_grant_type; missing grant_type → invalid_request', async () => {
    const creds = { basic: [app.clientId, app.clientSecret] as [string, string] };
    await expectOAuthError(
      await f.tokenRequest({ grant_type: 'password' }, creds),
      400,
      'unsupported_grant_type',
    );
    // Since issue 14 the authorization code grant exists: an unknown code is invalid_grant.
    await expectOAuthError(
      await f.tokenRequest({ grant_type: 'authorization_code', code: 'x' }, creds),
      400,
      'invalid_grant',
    );
    await expectOAuthError(await f.tokenRequest({}, creds), 400, 'invalid_request');
  });

  it('scope outside the application’s → invalid_scope; a subset is granted as asked', async () => {
    const creds = { basic: [app.clientId, app.clientSecret] as [string, string] };
    await expectOAuthError(
      await f.tokenRequest({ ...cc, scope: 'participants:read admin' }, creds),
      400,
      'invalid_scope',
    );
    const ok = await f.tokenRequest({ ...cc, scope: 'events:write' }, creds);
    expect(((await ok.json()) as { scope: string }).scope).toBe('events:write');
  });

  it('client credentials in the query string are refused, even with a valid body', async () => {
    const res = await f.tokenRequest(cc, {
      basic: [app.clientId, app.clientSecret],
      query: `?client_secret=${app.clientSecret}`,
    });
    await expectOAuthError(res, 400, 'invalid_request');
    await expectOAuthError(
      await f.tokenRequest(
        {},
        {
          query: `?grant_type=client_credentials&client_id=${app.clientId}&client_secret=${app.clientSecret}`,
        },
      ),
      400,
      'invalid_request',
    );
  });

  it('two authentication methods at once, repeated parameters, a JSON body → invalid_request', async () => {
    await expectOAuthError(
      await f.tokenRequest(
        { ...cc, client_secret: app.clientSecret },
        { basic: [app.clientId, app.clientSecret] },
      ),
      400,
      'invalid_request',
    );
    const repeated = await fetch(`${f.baseUrl}/oauth2-token`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: basic(app.clientId, app.clientSecret),
      },
      body: 'grant_type=client_credentials&scope=events:write&scope=participants:read',
    });
    await expectOAuthError(repeated, 400, 'invalid_request');
    const json = await fetch(`${f.baseUrl}/oauth2-token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: basic(app.clientId, app.clientSecret) },
      body: JSON.stringify(cc),
    });
    await expectOAuthError(json, 400, 'invalid_request');
    const text = await fetch(`${f.baseUrl}/oauth2-token`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'x',
    });
    await expectOAuthError(text, 400, 'invalid_request');
    const get = await fetch(`${f.baseUrl}/oauth2-token?grant_type=client_credentials`);
    expect(get.status).toBe(405);
  });

  it('HTTP Basic credentials are form-urlencoded before base64 (RFC 6749 App. B)', async () => {
    // "_" sent as %5F must decode back to the client id; a raw (not encoded) header works too.
    const encodedId = app.clientId.replace('_', '%5F');
    const header = `Basic ${Buffer.from(`${encodedId}:${app.clientSecret}`).toString('base64')}`;
    const res = await f.tokenRequest(cc, { headers: { authorization: header } });
    expect(res.status).toBe(200);
  });
});

describe('deactivation, revocation, audiences, scopes', () => {
  it('deactivation takes effect at once: invalid_client, its tokens refused, even after reactivation', async () => {
    const a = await f.createApp({ name: 'to deactivate' });
    const before = await token(a);
    expect((await callApi(before)).status).toBe(200);
    await f.consentry.app.authserver.applications.deactivate(a.clientId);

    await expectOAuthError(
      await f.tokenRequest(cc, { basic: [a.clientId, a.clientSecret] }),
      401,
      'invalid_client',
    );
    const refused = await callApi(before);
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toContain('error="invalid_token"');
    expect((await introspect(before)).active).toBe(false);

    await f.consentry.app.authserver.applications.activate(a.clientId);
    f.clock.advance(2); // a token minted in the very second of the deactivation would count as older
    expect((await callApi(before)).status).toBe(401);
    expect((await callApi(await token(a))).status).toBe(200);
  });

  it('a deleted application’s tokens are refused', async () => {
    const a = await f.createApp({ name: 'to delete' });
    const t = await token(a);
    await f.consentry.app.authserver.applications.delete(a.id);
    expect((await callApi(t)).status).toBe(401);
    await expectOAuthError(
      await f.tokenRequest(cc, { basic: [a.clientId, a.clientSecret] }),
      401,
      'invalid_client',
    );
  });

  it('revocation (RFC 7009) takes effect at once for that token only', async () => {
    const t1 = await token();
    const t2 = await token();
    const res = await fetch(`${f.baseUrl}/oauth2-token/revoke`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: basic(app.clientId, app.clientSecret),
      },
      body: new URLSearchParams({ token: t1, token_type_hint: 'access_token' }).toString(),
    });
    expect(res.status).toBe(200);
    const refused = await callApi(t1);
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as { error: string }).error).toBe('invalid_token');
    expect((await introspect(t1)).active).toBe(false);
    expect((await callApi(t2)).status).toBe(200);
    // Unknown tokens are a success (§2.2); another client's token is not ours to revoke.
    const junk = await fetch(`${f.baseUrl}/oauth2-token/revoke`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: basic(app.clientId, app.clientSecret),
      },
      body: 'token=not-a-token',
    });
    expect(junk.status).toBe(200);
    const other = await f.createApp({ name: 'other' });
    const theirs = await token(other);
    const cross = await fetch(`${f.baseUrl}/oauth2-token/revoke`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: basic(app.clientId, app.clientSecret),
      },
      body: new URLSearchParams({ token: theirs }).toString(),
    });
    await expectOAuthError(cross, 400, 'unauthorized_client');
    expect((await callApi(theirs)).status).toBe(200);
  });

  it('a backend token is refused by the frontend API, and the reverse', async () => {
    const back = await token();
    const front = await f.createApp({ name: 'storefront', audience: 'frontend' });
    const frontToken = await token(front);
    const r1 = await callApi(back, '/frontend-api/events/1/participants');
    expect(r1.status).toBe(401);
    expect(r1.headers.get('www-authenticate')).toContain('error="invalid_token"');
    expect((await callApi(frontToken, '/api/events/1/participants')).status).toBe(401);
    expect((await callApi(frontToken, '/frontend-api/events/1/participants')).status).toBe(200);
  });

  it('a token without the needed scope → 403 insufficient_scope with a Bearer challenge', async () => {
    const t = await token(app, { scope: 'events:write' });
    const res = await callApi(t);
    expect(res.status).toBe(403);
    expect(res.headers.get('www-authenticate')).toBe(
      `Bearer realm="consentry", error="insufficient_scope", scope="participants:read", resource_metadata="${f.baseUrl}/.well-known/oauth-protected-resource/api"`,
    );
    expect(((await res.json()) as { error: string }).error).toBe('insufficient_scope');
  });

  it('tokens are never accepted from the query string; no token → bare Bearer challenge', async () => {
    const t = await token();
    const q = await fetch(`${f.baseUrl}/api/events/1/participants?access_token=${t}`);
    expect(q.status).toBe(400);
    expect(((await q.json()) as { error: string }).error).toBe('invalid_request');
    const both = await callApi(t, `/api/events/1/participants?access_token=${t}`);
    expect(both.status).toBe(400);
    const none = await fetch(`${f.baseUrl}/api/events/1/participants`);
    expect(none.status).toBe(401);
    // RFC 9728 §5.1: the bare challenge names the resource's metadata.
    expect(none.headers.get('www-authenticate')).toBe(
      `Bearer realm="consentry", resource_metadata="${f.baseUrl}/.well-known/oauth-protected-resource/api"`,
    );
  });

  it('forged, unsigned and tampered tokens → invalid_token', async () => {
    const t = await token();
    const [h, p] = t.split('.');
    const claims = JSON.parse(Buffer.from(p!, 'base64url').toString());
    const tampered = `${h}.${Buffer.from(JSON.stringify({ ...claims, scope: 'admin participants:read' })).toString('base64url')}.${t.split('.')[2]}`;
    const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'at+jwt' })).toString('base64url')}.${p}.`;
    for (const bad of [tampered, none, 'abc.def.ghi']) expect((await callApi(bad)).status).toBe(401);
  });

  it('expired tokens → invalid_token and inactive on introspection', async () => {
    const a = await f.createApp({ name: 'short', tokenLifetimeSeconds: 60 });
    const t = await token(a);
    expect((await introspect(t, a)).active).toBe(true);
    f.clock.advance(61);
    const res = await callApi(t);
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error_description: string }).error_description).toMatch(/expired/);
    expect((await introspect(t, a)).active).toBe(false);
  });
});

describe('introspection (RFC 7662)', () => {
  it('needs an authenticated, active caller (a resource server may be another application)', async () => {
    const t = await token();
    const anonymous = await fetch(`${f.baseUrl}/oauth2-token/introspect`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: t }).toString(),
    });
    await expectOAuthError(anonymous, 401, 'invalid_client');
    const mine = await introspect(t);
    expect(mine).toMatchObject({
      active: true,
      client_id: app.clientId,
      scope: 'participants:read events:write',
    });
    const other = await f.createApp({ name: 'prober' });
    expect(await introspect(t, other)).toMatchObject({ active: true, client_id: app.clientId });
    await f.consentry.app.authserver.applications.deactivate(other.id);
    expect((await introspect(t, other)) as unknown).toMatchObject({ error: 'invalid_client' });
    expect(await introspect('garbage')).toEqual({ active: false });
  });
});

describe('secret rotation', () => {
  it('keeps the old secret valid until the explicit cutoff, then only the new one works', async () => {
    const a = await f.createApp({ name: 'rotating' });
    const { clientSecret: fresh } = await f.consentry.app.authserver.applications.rotateSecret(a.clientId, {
      oldSecretValidUntil: new Date(f.clock.now + 3600_000),
    });
    expect(fresh).not.toBe(a.clientSecret);
    expect((await f.tokenRequest(cc, { basic: [a.clientId, a.clientSecret] })).status).toBe(200);
    expect((await f.tokenRequest(cc, { basic: [a.clientId, fresh] })).status).toBe(200);
    f.clock.advance(3601);
    await expectOAuthError(
      await f.tokenRequest(cc, { basic: [a.clientId, a.clientSecret] }),
      401,
      'invalid_client',
    );
    expect((await f.tokenRequest(cc, { basic: [a.clientId, fresh] })).status).toBe(200);
  });

  it('without a cutoff the old secret stops at once', async () => {
    const a = await f.createApp({ name: 'rotating now' });
    const { clientSecret: fresh } = await f.consentry.app.authserver.applications.rotateSecret(a.id);
    await expectOAuthError(
      await f.tokenRequest(cc, { basic: [a.clientId, a.clientSecret] }),
      401,
      'invalid_client',
    );
    expect((await f.tokenRequest(cc, { basic: [a.clientId, fresh] })).status).toBe(200);
  });
});
