import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CookieJar, consentAtProvider, request } from '../support/browserless.ts';
import { startConsentry, type TestConsentry } from '../support/consentry.ts';
import { createUser, csrfFrom, PASSWORD, page, post, signIn } from './support/console-client.ts';

/**
 * The console over real HTTP (real server, SQLite, the built-in demo provider): first-run setup,
 * sign-in, permissions, CSRF, register client with a write-only secret, a real Auth Code flow,
 * refresh, inspect, revoke, delete.
 */
const SENTINEL = 'sentinel-client-secret-Qx7Vt2';

describe('admin console over HTTP', () => {
  let t: TestConsentry;
  let admin: CookieJar;
  beforeAll(async () => {
    t = await startConsentry();
  });
  afterAll(() => t?.close());

  it('first-run setup works only while no user exists, with CSRF, and signs the administrator in', async () => {
    const jar = new CookieJar();
    const home = await request(jar, `${t.baseUrl}/`);
    expect(home.status).toBe(303);
    expect(home.headers.get('location')).toBe('/setup');
    const setup = await page(jar, `${t.baseUrl}/setup`);
    expect(setup.status).toBe(200);
    // Without the CSRF token: refused, nobody created.
    const forged = await post(jar, `${t.baseUrl}/setup`, {
      email: 'x@example.org',
      password: PASSWORD,
      confirm: PASSWORD,
    });
    expect(forged.status).toBe(400);
    expect(await t.app.console.users.hasUsers()).toBe(false);
    // Cross-site Origin with a valid token: refused too.
    const crossSite = await request(jar, `${t.baseUrl}/setup`, {
      method: 'POST',
      body: new URLSearchParams({
        _csrf: csrfFrom(setup.html),
        email: 'x@example.org',
        password: PASSWORD,
        confirm: PASSWORD,
      }),
      headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
    });
    expect(crossSite.status).toBe(400);
    expect(await t.app.console.users.hasUsers()).toBe(false);

    const res = await post(jar, `${t.baseUrl}/setup`, {
      _csrf: csrfFrom(setup.html),
      email: 'Admin@Example.org',
      password: PASSWORD,
      confirm: PASSWORD,
    });
    expect(res.status).toBe(303);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('consentry_sid='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Secure/i); // http base URL
    const dash = await page(jar, `${t.baseUrl}/`);
    expect(dash.status).toBe(200);
    expect(dash.html).toContain('OAuth connections');
    expect(dash.html).toContain('admin@example.org');
    expect(dash.html).toContain('Welcome');
    // Setup is closed now, even with a valid token.
    const again = await page(jar, `${t.baseUrl}/setup`);
    expect(again.status).toBe(303);
    const second = await post(jar, `${t.baseUrl}/setup`, {
      _csrf: csrfFrom(dash.html),
      email: 'intruder@example.org',
      password: PASSWORD,
      confirm: PASSWORD,
    });
    expect(second.status).toBe(403);
    expect((await t.app.console.users.list()).map((u) => u.email)).toEqual(['admin@example.org']);
    admin = jar;
  });

  it('wrong passwords are refused without saying which part was wrong', async () => {
    const jar = new CookieJar();
    const p = await page(jar, `${t.baseUrl}/sign-in`);
    const bad = await post(jar, `${t.baseUrl}/sign-in`, {
      _csrf: csrfFrom(p.html),
      email: 'admin@example.org',
      password: 'wrong password!!',
    });
    expect(bad.status).toBe(401);
    const text = await bad.text();
    expect(text).toContain('The email address or password is wrong.');
    const unknown = await post(jar, `${t.baseUrl}/sign-in`, {
      _csrf: csrfFrom(p.html),
      email: 'nobody@example.org',
      password: 'wrong password!!',
    });
    expect(unknown.status).toBe(401);
    expect(await unknown.text()).toContain('The email address or password is wrong.');
  });

  it('providers page lists the catalog with search and configured flags', async () => {
    const all = await page(admin, `${t.baseUrl}/providers`);
    expect(all.status).toBe(200);
    expect(all.html).toContain('data-provider="google"');
    expect(all.html).toMatch(/data-provider="demo"[\s\S]*?configured · 1 client/);
    const found = await page(admin, `${t.baseUrl}/providers?q=micro`);
    expect(found.html).toContain('data-provider="microsoft"');
    expect(found.html).not.toContain('data-provider="google"');
    const none = await page(admin, `${t.baseUrl}/providers?q=zzzz%3Cscript%3E`);
    expect(none.html).toContain('No provider matches');
    expect(none.html).not.toContain('<script>');
  });

  it('providers page: category filter with counts, a total, aliases found by search, plain GET form', async () => {
    const entries = t.app.providers.all();
    const inCrm = entries.filter((p) => p.categories.includes('crm'));
    const crm = await page(admin, `${t.baseUrl}/providers?category=crm`);
    expect(crm.status).toBe(200);
    expect(crm.html).toContain(`data-count="${inCrm.length}"`);
    expect(crm.html).toContain(`${inCrm.length} of ${entries.length} providers in <strong>crm</strong>`);
    expect(crm.html).toContain('<option value="crm" selected>');
    for (const key of ['hubspot', 'salesforce', 'pipedrive'])
      expect(crm.html).toContain(`data-provider="${key}"`);
    expect(crm.html).not.toContain('data-provider="google"');
    expect(crm.html.match(/<tr data-provider=/g)).toHaveLength(inCrm.length);
    // The whole catalog, with its count; an unknown category shows everything.
    const all = await page(admin, `${t.baseUrl}/providers?category=nope`);
    expect(all.html).toContain(`data-count="${entries.length}"`);
    expect(all.html.match(/<tr data-provider=/g)).toHaveLength(entries.length);
    // Aliases: Gmail is Google.
    const gmail = await page(admin, `${t.baseUrl}/providers?q=gmail`);
    expect(gmail.html).toContain('data-provider="google"');
    expect(gmail.html).toContain('also: ');
    // Search within a category.
    const both = await page(admin, `${t.baseUrl}/providers?q=sales&category=crm`);
    expect(both.html).toContain('data-provider="salesforce"');
    expect(both.html).not.toContain('data-provider="hubspot"');
    // A plain GET form; the only script is the external console.js (CSP), none inline.
    expect(crm.html).toMatch(/<form class="search" method="get" action="\/providers"/);
    expect(crm.html).not.toMatch(/<script(?![^>]*\bsrc=)/);
  });

  it('providers page: grants shown per provider, filter by grant (client credentials), facts of the grant', async () => {
    const entries = t.app.providers.all();
    const cc = entries.filter((p) => p.grants.includes('client_credentials'));
    expect(cc.length).toBeGreaterThanOrEqual(90);
    const page1 = await page(admin, `${t.baseUrl}/providers?grant=client_credentials`);
    expect(page1.status).toBe(200);
    expect(page1.html).toContain(`data-count="${cc.length}"`);
    expect(page1.html).toContain(
      `${cc.length} of ${entries.length} providers with <strong>client credentials</strong>`,
    );
    expect(page1.html).toContain('<option value="client_credentials" selected>');
    expect(page1.html.match(/<tr data-provider=/g)).toHaveLength(cc.length);
    // A client-only entry and one with both grants; a consent-only entry is filtered out.
    expect(page1.html).toMatch(
      /data-provider="databricks-workspace"[\s\S]*?data-grants="client_credentials"/,
    );
    expect(page1.html).toMatch(
      /data-provider="zoom"[\s\S]*?data-grants="authorization_code client_credentials"/,
    );
    expect(page1.html).not.toContain('data-provider="google"');
    // Grant and category together; an unknown grant shows everything.
    const hrCc = await page(admin, `${t.baseUrl}/providers?grant=client_credentials&category=hr`);
    const hr = cc.filter((p) => p.categories.includes('hr'));
    expect(hrCc.html.match(/<tr data-provider=/g)).toHaveLength(hr.length);
    const all = await page(admin, `${t.baseUrl}/providers?grant=nope`);
    expect(all.html).toContain(`data-count="${entries.length}"`);
    // One entry's facts: its grants and client-credentials details, no PKCE line for client-only.
    const zoom = await page(admin, `${t.baseUrl}/providers/zoom`);
    expect(zoom.html).toContain('<dt>Grants</dt><dd>authorization code, client credentials</dd>');
    expect(zoom.html).toContain('account_credentials');
    const dbx = await page(admin, `${t.baseUrl}/providers/databricks-workspace`);
    expect(dbx.html).toContain('<dt>Grants</dt><dd>client credentials</dd>');
    expect(dbx.html).not.toContain('<dt>PKCE</dt>');
  });

  it('a client-credentials-only client has no consent action: no Add (Auth Code), no preset links, /connect refused', async () => {
    const form = await page(admin, `${t.baseUrl}/providers/databricks-workspace/register`);
    const saved = await post(admin, `${t.baseUrl}/providers/databricks-workspace/register`, {
      _csrf: csrfFrom(form.html),
      name: 'Lakehouse',
      clientId: 'sp-app-id',
      clientSecret: 'dose-secret',
      t_databricks_instance: 'dbc-a1b2c3d4-e5f6.cloud.databricks.com',
    });
    expect(saved.status).toBe(303);
    const client = (await t.app.store.clients.list({ providerKey: 'databricks-workspace' }))[0]!;
    const connections = await page(admin, `${t.baseUrl}${saved.headers.get('location')}`);
    expect(connections.html).toContain('client credentials');
    expect(connections.html).not.toContain(`/connect/${client.id}`);
    expect(connections.html).not.toContain('Add (Auth Code)</a>');
    const home = await page(admin, `${t.baseUrl}/`);
    expect(home.html).toMatch(new RegExp(`data-client="${client.id}"`));
    expect(home.html).not.toContain(`/connect/${encodeURIComponent(client.id)}`);
    const refused = await page(
      admin,
      `${t.baseUrl}/connect/${client.id}?_csrf=${encodeURIComponent(csrfFrom(home.html))}`,
    );
    expect(refused.status).toBe(400);
    expect(refused.html).toContain('client credentials only');
    await t.app.store.clients.delete(client.id);
  });

  it('registers a client: redirect URL and scopes to copy, templated fields validated, secret write-only', async () => {
    const form = await page(admin, `${t.baseUrl}/providers/microsoft/register`);
    expect(form.html).toContain(`value="${t.baseUrl}/oauth/callback"`);
    expect(form.html).toContain('data-copy="redirect-url"');
    expect(form.html).toContain('IMAP.AccessAsUser.All');
    expect(form.html).toContain('name="t_tenant"');
    expect(form.html).not.toContain('insecure-redirect'); // 127.0.0.1 is fine
    const csrf = csrfFrom(form.html);
    const bad = await post(admin, `${t.baseUrl}/providers/microsoft/register`, {
      _csrf: csrf,
      name: 'Mail',
      clientId: '11111111-2222-3333-4444-555555555555',
      clientSecret: SENTINEL,
      t_tenant: 'not a tenant!',
    });
    expect(bad.status).toBe(400);
    const badHtml = await bad.text();
    expect(badHtml).toContain('Tenant');
    expect(badHtml).not.toContain(SENTINEL); // not echoed back even on error

    const ok = await post(admin, `${t.baseUrl}/providers/microsoft/register`, {
      _csrf: csrf,
      name: 'Mail',
      clientId: '11111111-2222-3333-4444-555555555555',
      clientSecret: SENTINEL,
      t_tenant: 'organizations',
    });
    expect(ok.status).toBe(303);
    const client = (await t.app.store.clients.list({ providerKey: 'microsoft' }))[0]!;
    expect(await t.app.store.clients.secretOf(client.id)).toBe(SENTINEL);
    const after = await page(admin, `${t.baseUrl}${ok.headers.get('location')}`);
    expect(after.html).toContain('Saved the Microsoft');
    expect(after.html).toContain('No connections yet');

    // The edit page never shows the secret; blank keeps it; a duplicate name is refused.
    const edit = await page(admin, `${t.baseUrl}/clients/${client.id}`);
    expect(edit.html).not.toContain(SENTINEL);
    expect(edit.html).toContain('blank keeps it');
    expect(edit.res.headers.get('cache-control')).toBe('no-store');
    const keep = await post(admin, `${t.baseUrl}/clients/${client.id}`, {
      _csrf: csrfFrom(edit.html),
      name: 'Mail (renamed)',
      clientId: client.clientId,
      clientSecret: '',
      t_tenant: 'organizations',
    });
    expect(keep.status).toBe(303);
    expect(await t.app.store.clients.secretOf(client.id)).toBe(SENTINEL);
    expect((await t.app.store.clients.get(client.id))!.name).toBe('Mail (renamed)');
    const second = await post(admin, `${t.baseUrl}/providers/microsoft/register`, {
      _csrf: csrf,
      name: 'Mail (renamed)',
      clientId: 'other',
      clientSecret: 'x',
      t_tenant: 'common',
    });
    expect(second.status).toBe(400);
    expect(await second.text()).toContain('exists already');
    // Several clients per provider, named by purpose.
    const cal = await post(admin, `${t.baseUrl}/providers/microsoft/register`, {
      _csrf: csrf,
      name: 'Calendar',
      clientId: 'other',
      clientSecret: 'x',
      t_tenant: 'common',
    });
    expect(cal.status).toBe(303);
    expect(await t.app.store.clients.list({ providerKey: 'microsoft' })).toHaveLength(2);
    expect(t.logs.join('')).not.toContain(SENTINEL);
  });

  it('connects through the demo provider, then refresh, inspect (no-store), revoke and delete', async () => {
    const dash = await page(admin, `${t.baseUrl}/`);
    const href = /href="(\/connect\/[^"]+)"/.exec(dash.html)![1]!.replace(/&amp;/g, '&');
    const start = await request(admin, `${t.baseUrl}${href}`);
    expect(start.status).toBe(303);
    const callback = await consentAtProvider(admin, start.headers.get('location')!, {
      login: 'carol',
      stopPrefix: `${t.baseUrl}/oauth/callback`,
    });
    const back = await request(admin, callback);
    expect(back.headers.get('location')).toBe('/?oauth=connected');
    const listed = await page(admin, `${t.baseUrl}/?oauth=connected`);
    expect(listed.html).toContain('Connected.');
    const row = /<tr data-connection="([^"]+)">([\s\S]*?)<\/tr>/.exec(listed.html)!;
    const id = row[1]!;
    expect(row[2]).toContain('carol@demo.consentry.test');
    expect(row[2]!.replace(/<[^>]+>/g, '')).toContain('openid email profile');
    expect(row[2]).toContain('status-active');
    const conn = await t.app.store.connections.get(id);
    expect(listed.html).not.toContain(conn!.accessToken);

    const refreshed = await post(admin, `${t.baseUrl}/connections/${id}/refresh?return=%2F`, {
      _csrf: csrfFrom(listed.html),
    });
    expect(refreshed.status).toBe(303);
    const afterRefresh = await page(admin, `${t.baseUrl}/`);
    expect(afterRefresh.html).toContain('Refreshed.');
    const token = (await t.app.store.connections.get(id))!.accessToken;
    expect(token).not.toBe(conn!.accessToken);

    const inspect = await page(admin, `${t.baseUrl}/connections/${id}/inspect`);
    expect(inspect.status).toBe(200);
    expect(inspect.res.headers.get('cache-control')).toBe('no-store');
    expect(inspect.html).toContain(token);
    expect(inspect.html).toContain('carol'); // ID-token claims (sub)

    // CSRF-less POST: refused, nothing revoked.
    const forged = await post(admin, `${t.baseUrl}/connections/${id}/revoke`, {});
    expect(forged.status).toBe(400);
    expect((await t.app.store.connections.get(id))!.status).toBe('active');

    const revoked = await post(admin, `${t.baseUrl}/connections/${id}/revoke?return=%2F`, {
      _csrf: csrfFrom(afterRefresh.html),
    });
    expect(revoked.status).toBe(303);
    expect((await t.app.store.connections.get(id))!.status).toBe('revoked');
    const afterRevoke = await page(admin, `${t.baseUrl}/`);
    expect(afterRevoke.html).toContain('Revoked at the provider');
    // The provider no longer accepts the revoked grant's token.
    const userinfo = await fetch(`${t.baseUrl}/demo/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(userinfo.status).toBe(401);

    const deleted = await post(admin, `${t.baseUrl}/connections/${id}/delete?return=%2F`, {
      _csrf: csrfFrom(afterRevoke.html),
    });
    expect(deleted.status).toBe(303);
    expect(await t.app.store.connections.get(id)).toBeUndefined();
  });

  it('a user with only connect_accounts sees their own connections, and gets 403 on admin pages and Inspect', async () => {
    await createUser(t, 'user@example.org', ['connect_accounts']);
    const user = await signIn(t, 'user@example.org');
    const dash = await page(user, `${t.baseUrl}/`);
    expect(dash.status).toBe(200);
    expect(dash.html).not.toContain('href="/providers"');
    const href = /href="(\/connect\/[^"]+)"/.exec(dash.html)![1]!.replace(/&amp;/g, '&');
    const start = await request(user, `${t.baseUrl}${href}`);
    const callback = await consentAtProvider(user, start.headers.get('location')!, {
      login: 'dave',
      stopPrefix: `${t.baseUrl}/oauth/callback`,
    });
    await request(user, callback);
    const mine = (await t.app.store.connections.list()).find(
      (c) => c.account === 'dave@demo.consentry.test',
    )!;
    expect((await page(user, `${t.baseUrl}/`)).html).toContain(`data-connection="${mine.id}"`);

    for (const url of [
      '/providers',
      '/providers/google/register',
      '/users',
      `/connections/${mine.id}/inspect`,
    ]) {
      const res = await page(user, `${t.baseUrl}${url}`);
      expect(res.status, url).toBe(403);
      expect(res.html).not.toContain(mine.accessToken);
    }
    // The administrator's connections stay invisible to this user.
    await createUser(t, 'other@example.org', ['connect_accounts']);
    const other = await signIn(t, 'other@example.org');
    const otherDash = await page(other, `${t.baseUrl}/`);
    expect(otherDash.html).not.toContain(mine.id);
    const forbidden = await post(other, `${t.baseUrl}/connections/${mine.id}/delete`, {
      _csrf: csrfFrom(otherDash.html),
    });
    expect(forbidden.status).toBe(303);
    expect(await t.app.store.connections.get(mine.id)).toBeDefined();

    // Admin's Inspect works on the same connection.
    const inspect = await page(admin, `${t.baseUrl}/connections/${mine.id}/inspect`);
    expect(inspect.status).toBe(200);
  });

  it('sign-out ends the session server-side', async () => {
    const jar = await signIn(t, 'admin@example.org');
    const dash = await page(jar, `${t.baseUrl}/`);
    const out = await post(jar, `${t.baseUrl}/sign-out`, { _csrf: csrfFrom(dash.html) });
    expect(out.status).toBe(303);
    const after = await request(jar, `${t.baseUrl}/`);
    expect(after.status).toBe(303);
    expect(after.headers.get('location')).toBe('/sign-in');
  });

  it('security headers on console pages', async () => {
    const res = await request(admin, `${t.baseUrl}/`);
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("form-action 'self'");
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    const html = await res.text();
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)/); // no inline script
  });
});
