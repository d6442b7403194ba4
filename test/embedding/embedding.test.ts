import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CookieJar, consentAtProvider, request } from '../support/browserless.ts';
import { startConsentry, type TestConsentry } from '../support/consentry.ts';
import { freePort } from '../support/ports.ts';

/**
 * Embedding (issue 13): the routes under a mount prefix, the console under its own prefix or
 * left out, the host's session binding a flow of the host's own consumer, and the refusal of a
 * plugin prefix that disagrees with PUBLIC_BASE_URL.
 */
describe('Consentry mounted under /oauth with the console under /admin', () => {
  let t: TestConsentry;
  let base: string;
  let server: ReturnType<typeof Fastify>;
  const granted: string[] = [];
  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    t = await startConsentry({
      listen: false,
      env: { PUBLIC_BASE_URL: `${base}/oauth`, DEMO_PROVIDER: 'true', BACKGROUND_REFRESH: 'false' },
      console: { prefix: '/admin' },
      hostSession: (request) => /host_sid=([A-Za-z0-9]{32})/.exec(request.headers.cookie ?? '')?.[1],
      consumers: [
        {
          purpose: 'host_feature',
          onTokenGranted(_token, payload, { connection }) {
            granted.push(String(payload.user));
            return `/feature/done?connection=${connection!.id}`;
          },
        },
      ],
    });
    server = Fastify();
    await server.register(t.app.plugin, { prefix: '/oauth' });
    await server.listen({ port, host: '127.0.0.1' });
  }, 90_000);
  afterAll(async () => {
    await server?.close();
    await t?.close();
  });

  it('serves the console under /oauth/admin: links, redirects, assets and the cookie path follow', async () => {
    const jar = new CookieJar();
    const home = await request(jar, `${base}/oauth/admin/`);
    expect(home.status).toBe(303);
    expect(home.headers.get('location')).toBe('/oauth/admin/setup');
    const setup = await request(jar, `${base}/oauth/admin/setup`);
    const body = await setup.text();
    expect(body).toContain('href="/oauth/admin/assets/style.css"');
    expect(body).toContain('action="/oauth/admin/setup"');
    expect(body).not.toMatch(/(?:href|action|src)="\/(?!oauth\/admin\/)/);
    expect((await request(jar, `${base}/oauth/admin/assets/style.css`)).status).toBe(200);
    expect((await request(jar, `${base}/oauth/admin/assets/console.js`)).status).toBe(200);
    expect((await request(jar, `${base}/admin/`)).status).toBe(404); // nothing outside the mount
    expect((await request(jar, `${base}/oauth/healthz`)).status).toBe(200);
    expect(setup.headers.get('set-cookie') ?? '').toMatch(/consentry_sid=[^;]+;.*Path=\/oauth(;|$)/i);
  });

  it("binds the host's feature flow to the host's session and returns to the host's own path", async () => {
    const hostSid = 'H'.repeat(32);
    const url = await t.app.client.beginConsent({
      provider: 'demo',
      purpose: 'host_feature',
      payload: { user: 'ada' },
      returnUrl: '/feature',
      session: hostSid,
    });
    expect(new URL(url).pathname).toBe('/oauth/demo/auth');
    expect(new URL(url).searchParams.get('redirect_uri')).toBe(`${base}/oauth/oauth/callback`);
    const jar = new CookieJar();
    const callback = await consentAtProvider(jar, url, { stopPrefix: `${base}/oauth/oauth/callback` });
    // Another browser (no host session, its own consentry_sid) cannot complete it …
    const stranger = await request(new CookieJar(), callback);
    expect(stranger.status).toBe(400);
    // … the host's signed-in browser can (the host session, not a consentry_sid, binds it).
    const jar2 = new CookieJar();
    const again = await t.app.client.beginConsent({
      provider: 'demo',
      purpose: 'host_feature',
      payload: { user: 'ada' },
      returnUrl: '/feature',
      session: hostSid,
    });
    const cb2 = await consentAtProvider(jar2, again, { stopPrefix: `${base}/oauth/oauth/callback` });
    const done = await fetch(cb2, { redirect: 'manual', headers: { cookie: `host_sid=${hostSid}` } });
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toMatch(/^\/feature\/done\?connection=/); // not prefixed: the host's path
    expect(granted).toEqual(['ada']);
  });

  it('refuses a plugin prefix that disagrees with PUBLIC_BASE_URL', async () => {
    const other = Fastify();
    await expect(other.register(t.app.plugin, { prefix: '/elsewhere' }).ready()).rejects.toThrow(
      /PUBLIC_BASE_URL/,
    );
    await other.close().catch(() => {});
  });
});

describe('Consentry with the console left out', () => {
  it('answers 404 for console routes and keeps the callback and health', async () => {
    const t = await startConsentry({ listen: false, console: false, env: { DEMO_PROVIDER: 'false' } });
    try {
      const get = (url: string) => t.app.handler(new Request(`${t.baseUrl}${url}`));
      expect((await get('/')).status).toBe(404);
      expect((await get('/users')).status).toBe(404);
      expect((await get('/healthz')).status).toBe(200);
      const callback = await get('/oauth/callback?state=unknown-state&code=x');
      expect(callback.status).toBe(400); // routed and refused (FLOW_UNKNOWN), not 404
      expect(t.app.providers.has('demo')).toBe(false);
    } finally {
      await t.close();
    }
  }, 60_000);
});
