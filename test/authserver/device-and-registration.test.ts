import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csrfFrom } from '../console/support/console-client.ts';
import { request } from '../support/browserless.ts';
import { type AuthFixture, authFixture } from './fixture.ts';
import { claimsOf, json, staffer } from './user-flow.ts';

/** RFC 8628 device grant (polling, slow_down, approval, denial, expiry) and RFC 7591 registration. */
let f: AuthFixture;
let tv: { clientId: string };
let ada: Awaited<ReturnType<typeof staffer>>;
const IAT = 'initial-access-token-of-the-administrator-0123456789';

beforeAll(async () => {
  f = await authFixture({
    env: {
      REGISTRATION_ENABLED: 'true',
      REGISTRATION_INITIAL_ACCESS_TOKEN: IAT,
      REGISTRATION_ALLOWED_REDIRECT_URIS: 'http://127.0.0.1/callback',
    },
  });
  tv = await f.createApp({ name: 'Door scanner', clientType: 'public' });
  ada = await staffer(f, 'ada@example.org');
}, 60_000);
afterAll(() => f?.close());

const form = (path: string, body: Record<string, string>) =>
  fetch(`${f.baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(body),
  });
const poll = (deviceCode: string) =>
  form('/oauth2-token', {
    grant_type: 'urn:ietf:params:oauth:grant-type:device_code',
    client_id: tv.clientId,
    device_code: deviceCode,
  });

async function start() {
  const res = await form('/oauth2-device-authorization', {
    client_id: tv.clientId,
    scope: 'participants:read',
  });
  expect(res.status).toBe(200);
  return (await res.json()) as {
    device_code: string;
    user_code: string;
    verification_uri: string;
    verification_uri_complete: string;
    interval: number;
    expires_in: number;
  };
}

/** The person enters the code on /device (signed in) and answers the consent screen. */
async function decide(userCode: string, decision: 'allow' | 'deny') {
  const entry = await (await request(ada.jar, `${f.baseUrl}/device`)).text();
  const shown = await request(ada.jar, `${f.baseUrl}/device`, {
    method: 'POST',
    body: new URLSearchParams({
      _csrf: csrfFrom(entry),
      user_code: userCode.toLowerCase().replace('-', ' '),
    }),
  });
  const page = await shown.text();
  expect(shown.status).toBe(200);
  expect(page).toContain('Door scanner');
  expect(page).toContain(userCode);
  const res = await request(ada.jar, `${f.baseUrl}/device/decision`, {
    method: 'POST',
    body: new URLSearchParams({ _csrf: csrfFrom(page), user_code: userCode, decision }),
  });
  expect(res.status).toBe(200);
}

describe('RFC 8628 device authorization grant', () => {
  it('pending, slow_down, approval, then user-bound tokens once', async () => {
    const d = await start();
    expect(d.verification_uri).toBe(`${f.baseUrl}/device`);
    expect(d.user_code).toMatch(/^[BCDFGHJKLMNPQRSTVWXZ]{4}-[BCDFGHJKLMNPQRSTVWXZ]{4}$/);
    expect((await json(await poll(d.device_code))).error).toBe('authorization_pending');
    expect((await json(await poll(d.device_code))).error).toBe('slow_down');
    f.clock.advance(d.interval + 5);
    expect((await json(await poll(d.device_code))).error).toBe('authorization_pending');
    await decide(d.user_code, 'allow');
    f.clock.advance(d.interval + 5);
    const ok = await poll(d.device_code);
    expect(ok.status).toBe(200);
    const t = await json(ok);
    expect(claimsOf(String(t.access_token))).toMatchObject({ sub: ada.id, client_id: tv.clientId });
    expect(t.refresh_token).toBeDefined();
    expect((await json(await poll(d.device_code))).error).toBe('invalid_grant');
  });

  it('denial → access_denied; expiry → expired_token; a wrong code is refused on the page', async () => {
    const d = await start();
    await decide(d.user_code, 'deny');
    expect((await json(await poll(d.device_code))).error).toBe('access_denied');

    const e = await start();
    f.clock.advance(e.expires_in + 1);
    expect((await json(await poll(e.device_code))).error).toBe('expired_token');

    const entry = await (await request(ada.jar, `${f.baseUrl}/device`)).text();
    const wrong = await request(ada.jar, `${f.baseUrl}/device`, {
      method: 'POST',
      body: new URLSearchParams({ _csrf: csrfFrom(entry), user_code: 'BCDF-GHJK' }),
    });
    expect(wrong.status).toBe(400);
  });

  it('the device page needs a signed-in user', async () => {
    const res = await fetch(`${f.baseUrl}/device?user_code=BCDF-GHJK`, { redirect: 'manual' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toMatch(/^\/sign-in\?next=/);
  });
});

describe('RFC 7591 dynamic registration of public native clients', () => {
  const register = (body: unknown, token?: string) =>
    fetch(`${f.baseUrl}/oauth2-register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });

  it('is advertised when enabled; registers with the initial access token or an allow-listed URI', async () => {
    const meta = await json(await fetch(`${f.baseUrl}/.well-known/oauth-authorization-server`));
    expect(meta.registration_endpoint).toBe(`${f.baseUrl}/oauth2-register`);

    const withToken = await register(
      { client_name: 'CLI tool', redirect_uris: ['org.example.cli:/cb'], token_endpoint_auth_method: 'none' },
      IAT,
    );
    expect(withToken.status).toBe(201);
    const c = await json(withToken);
    expect(c).toMatchObject({ token_endpoint_auth_method: 'none', redirect_uris: ['org.example.cli:/cb'] });
    const app = await f.consentry.app.authserver.applications.get(String(c.client_id));
    expect(app.clientType).toBe('public');

    const listed = await register({ redirect_uris: ['http://127.0.0.1:61000/callback'] });
    expect(listed.status).toBe(201);
  });

  it('refuses without a token, with a wrong token, confidential clients and bad URIs', async () => {
    expect((await register({ redirect_uris: ['org.example.cli:/cb'] })).status).toBe(401);
    expect((await register({ redirect_uris: ['org.example.cli:/cb'] }, 'wrong')).status).toBe(401);
    const conf = await register(
      { redirect_uris: ['org.example.cli:/cb'], token_endpoint_auth_method: 'client_secret_basic' },
      IAT,
    );
    expect((await json(conf)).error).toBe('invalid_client_metadata');
    const bad = await register({ redirect_uris: ['http://evil.example/cb'] }, IAT);
    expect((await json(bad)).error).toBe('invalid_redirect_uri');
    const logs = f.consentry.logs.join('\n');
    expect(logs).not.toContain(IAT);
  });
});
