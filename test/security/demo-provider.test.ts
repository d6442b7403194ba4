import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.ts';
import { SIGNIN_PURPOSE } from '../../src/consumers/signin/signin-service.ts';
import { createUser, page, signIn } from '../console/support/console-client.ts';
import { CookieJar, consentAtProvider, request } from '../support/browserless.ts';
import { startConsentry, type TestConsentry } from '../support/consentry.ts';

/**
 * Issue 10, findings 1, 6 (demo part) and 10: the built-in demo provider accepts any name with any
 * password, so it must never sign anyone in to the console; it is off by default off loopback;
 * its discovery document comes from PUBLIC_BASE_URL; its tables hold no usable token or secret.
 */
describe('the demo provider is never a way into the console (finding 1)', () => {
  let c: TestConsentry;
  let demoRef: string;
  beforeAll(async () => {
    c = await startConsentry();
    await createUser(c, 'carol@example.org');
    demoRef = (await c.app.store.clients.list({ providerKey: 'demo' }))[0]!.id;
  });
  afterAll(async () => {
    await c?.close();
  });

  it('no "Sign in with Demo" on the sign-in page, and a direct start is refused with no flow stored', async () => {
    const jar = new CookieJar();
    const signInPage = await (await request(jar, `${c.baseUrl}/sign-in?next=/users`)).text();
    expect(signInPage).not.toContain('/sign-in/with/');
    expect(signInPage).not.toContain('Sign in with');
    const before = await c.app.database.db.selectFrom('flows').select('state_hash').execute();
    const start = await request(jar, `${c.baseUrl}/sign-in/with/${encodeURIComponent(demoRef)}?next=/users`, {
      headers: { accept: 'text/html' },
    });
    expect(start.status).toBe(400);
    expect(start.headers.get('location')).toBeNull();
    expect(await start.text()).toContain('This provider is not available for signing in.');
    const after = await c.app.database.db.selectFrom('flows').select('state_hash').execute();
    expect(after.length).toBe(before.length);
  });

  it('no "Link Demo" for a signed-in user, and a direct link request is refused', async () => {
    const jar = await signIn(c, 'carol@example.org');
    const links = await page(jar, `${c.baseUrl}/account/sign-in-links`);
    expect(links.status).toBe(200);
    expect(links.html).not.toContain('/account/sign-in-links/link/');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(links.html)?.[1] ?? '';
    const res = await request(
      jar,
      `${c.baseUrl}/account/sign-in-links/link/${encodeURIComponent(demoRef)}?_csrf=${encodeURIComponent(csrf)}`,
      { headers: { accept: 'text/html' } },
    );
    expect(res.status).toBe(400);
    expect(res.headers.get('location')).toBeNull();
  });

  it('the reproduction: an administrator linked to demo subject "carol" — a sign-in flow as carol with any password is refused', async () => {
    const admin = (await c.app.console.users.list()).find((u) => u.email === 'carol@example.org')!;
    // The link an administrator could make before the fix.
    await c.app.database.db
      .insertInto('signin_links')
      .values({
        issuer: `${c.baseUrl}/demo`,
        subject: 'carol',
        user_ref: admin.id,
        email: 'carol@demo.consentry.test',
        created_at: Date.now(),
        last_sign_in_at: null,
      })
      .execute();
    // The flow started by any path that bypasses the pages (the library, a stale flow).
    const session = randomBytes(32).toString('base64url');
    const url = await c.app.client.beginConsent({
      client: demoRef,
      preset: 'login',
      purpose: SIGNIN_PURPOSE,
      payload: { next: '/users' },
      returnUrl: '/sign-in?next=%2Fusers',
      session,
    });
    const jar = new CookieJar();
    jar.set(c.baseUrl, 'consentry_sid', session);
    const callback = await consentAtProvider(jar, url, {
      login: 'carol',
      stopPrefix: `${c.baseUrl}/oauth/callback`,
    });
    const back = await request(jar, callback, { headers: { accept: 'text/html' } });
    expect(back.status).toBe(403);
    expect(back.headers.get('location')).toBeNull();
    expect(await back.text()).toContain('This provider cannot be used to sign in to Consentry.');
    expect(await c.app.database.db.selectFrom('signin_tickets').selectAll().execute()).toEqual([]);
    // The pre-sign-in session was never promoted to a signed-in one.
    expect(await c.app.console.users.userOfSession(session)).toBeUndefined();
  });
});

describe('demo provider defaults (finding 1) and discovery from PUBLIC_BASE_URL (finding 10)', () => {
  it('is off by default when PUBLIC_BASE_URL is not loopback, on for localhost (npm start, CLI)', () => {
    const server = { server: true };
    expect(loadConfig({ PUBLIC_BASE_URL: 'https://auth.example.com' }, server).demoProvider).toBe(false);
    expect(loadConfig({ PUBLIC_BASE_URL: 'http://10.0.0.5:3000' }, server).demoProvider).toBe(false);
    expect(loadConfig({}, server).demoProvider).toBe(true);
    expect(loadConfig({ PUBLIC_BASE_URL: 'http://127.0.0.1:3000' }, server).demoProvider).toBe(true);
    // In a library (issue 13) it is off unless asked for, loopback or not.
    expect(loadConfig({}).demoProvider).toBe(false);
    const forced = loadConfig({ PUBLIC_BASE_URL: 'https://auth.example.com', DEMO_PROVIDER: 'true' });
    expect(forced.demoProvider).toBe(true);
    expect(forced.demoProviderOffLoopback).toBe(true);
  });

  it('serves no /demo on a public URL by default; turned on there, start-up says so loudly', async () => {
    const off = await startConsentry({ env: { PUBLIC_BASE_URL: 'https://auth.example.com' }, listen: false });
    try {
      const res = await off.app.server.inject({ url: '/demo/.well-known/openid-configuration' });
      expect(res.statusCode).toBe(404);
      expect(await off.app.store.clients.list({ providerKey: 'demo' })).toEqual([]);
      expect(off.logs.join('')).not.toContain('demo provider is ON');
    } finally {
      await off.close();
    }
    const on = await startConsentry({
      env: { PUBLIC_BASE_URL: 'https://auth.example.com', DEMO_PROVIDER: 'true' },
      listen: false,
    });
    try {
      const warning = on.logs
        .map((l) => JSON.parse(l) as { level: number; msg: string })
        .find((l) => l.msg.includes('demo provider is ON'));
      expect(warning?.level).toBe(40);
      expect(warning?.msg).toContain('https://auth.example.com/demo');
      expect(warning?.msg).toContain('DEMO_PROVIDER=false');
    } finally {
      await on.close();
    }
  });

  it('builds its discovery document from PUBLIC_BASE_URL, never from Host or X-Forwarded-*', async () => {
    const c = await startConsentry({ listen: false });
    try {
      for (const headers of [
        { host: 'evil.test' },
        { host: 'evil.test', 'x-forwarded-host': 'evil.test', 'x-forwarded-proto': 'https' },
      ]) {
        const res = await c.app.server.inject({ url: '/demo/.well-known/openid-configuration', headers });
        expect(res.statusCode).toBe(200);
        const doc = res.json() as Record<string, string>;
        expect(doc.issuer).toBe(`${c.baseUrl}/demo`);
        expect(doc.authorization_endpoint).toBe(`${c.baseUrl}/demo/auth`);
        expect(doc.token_endpoint).toBe(`${c.baseUrl}/demo/token`);
        expect(doc.jwks_uri).toBe(`${c.baseUrl}/demo/jwks`);
        expect(res.body).not.toContain('evil.test');
      }
    } finally {
      await c.close();
    }
  });
});

describe('the demo provider stores no usable token or client secret (finding 6)', () => {
  it('after a connection and a refresh, its table holds only hashes of tokens, and no client rows', async () => {
    const c = await startConsentry();
    try {
      // An administrator registers a client for the demo in the console (its secret is sealed).
      const registered = await c.app.store.clients.create({
        providerKey: 'demo',
        name: 'Mine',
        clientId: 'my-demo-client',
        clientSecret: 'my-demo-secret-SENTINEL-7f3a',
      });
      const session = randomBytes(32).toString('base64url');
      const url = await c.app.client.beginConsent({
        client: registered.id,
        preset: 'login',
        purpose: 'console',
        payload: {},
        returnUrl: '/',
        session,
      });
      const jar = new CookieJar();
      jar.set(c.baseUrl, 'consentry_sid', session);
      const callback = await consentAtProvider(jar, url, {
        login: 'dora',
        stopPrefix: `${c.baseUrl}/oauth/callback`,
      });
      const back = await request(jar, callback);
      expect(back.status).toBe(303);
      const [connection] = await c.app.store.connections.list({ clientRef: registered.id });
      expect(connection).toBeDefined();
      const first = await c.app.client.ensureFresh(connection!.id);
      const refreshed = await c.app.client.refresh(connection!.id);
      const stored = await c.app.database.db.selectFrom('demo_oidc_models').selectAll().execute();
      const text = JSON.stringify(stored);
      for (const value of [first.accessToken, refreshed.accessToken, 'my-demo-secret-SENTINEL-7f3a']) {
        expect(value.length).toBeGreaterThan(10);
        expect(text).not.toContain(value);
        expect(text).not.toContain(Buffer.from(value).toString('base64'));
      }
      expect(stored.filter((r) => r.model === 'Client')).toEqual([]);
      const tokens = stored.filter((r) =>
        ['AccessToken', 'RefreshToken', 'AuthorizationCode'].includes(r.model),
      );
      expect(tokens.length).toBeGreaterThanOrEqual(3);
      for (const r of tokens) {
        expect(r.id).toMatch(/^[0-9a-f]{64}$/);
        expect(JSON.parse(r.payload)).not.toHaveProperty('jti');
      }
    } finally {
      await c.close();
    }
  });
});
