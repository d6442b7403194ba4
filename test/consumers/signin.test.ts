import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CookieJar, consentAtProvider, request } from '../support/browserless.ts';
import { startConsentry, type TestConsentry } from '../support/consentry.ts';
import { startRemoteOidc } from '../support/remote-oidc.ts';

/**
 * Sign in to the console with an OpenID provider (a real oidc-provider on loopback, registered as
 * an `oidc` client), over HTTP with a cookie jar: the same requests a browser makes. (The built-in
 * demo provider is never a sign-in method: test/security/demo-signin.test.ts.)
 */
const PASSWORD = 'correct horse battery staple';

type Started = TestConsentry & { issuer: string };

async function started(env: Record<string, string> = {}): Promise<Started> {
  const c = await startConsentry({ env });
  const remote = await startRemoteOidc({
    clients: [
      { clientId: 'signin-rp', clientSecret: 'signin-rp-secret', redirectUris: [c.app.config.redirectUri] },
    ],
  });
  await c.app.store.clients.create({
    providerKey: 'oidc',
    name: 'Demo',
    clientId: 'signin-rp',
    clientSecret: 'signin-rp-secret',
    templateValues: { issuer: remote.issuer },
  });
  await c.app.console.users.create({
    email: 'admin@example.org',
    password: PASSWORD,
    permissions: ['manage_users'],
  });
  const close = c.close.bind(c);
  return Object.assign(c, {
    issuer: remote.issuer,
    async close() {
      await close();
      await remote.close();
    },
  });
}

/** Walks /sign-in → "Sign in with Demo" → the demo screens → the callback → the ticket. */
async function signIn(c: Started, login: string, options: { next?: string; jar?: CookieJar } = {}) {
  const jar = options.jar ?? new CookieJar();
  const page = await request(
    jar,
    `${c.baseUrl}/sign-in${options.next ? `?next=${encodeURIComponent(options.next)}` : ''}`,
  );
  expect(page.status).toBe(200);
  const html = await page.text();
  const href = /href="(\/sign-in\/with\/[^"]+)"/.exec(html)?.[1]?.replace(/&amp;/g, '&');
  expect(href, 'the sign-in page offers the OpenID provider').toBeDefined();
  const start = await request(jar, `${c.baseUrl}${href}`);
  expect(start.status).toBe(303);
  const callback = await consentAtProvider(jar, start.headers.get('location')!, {
    login,
    stopPrefix: `${c.baseUrl}/oauth/callback`,
  });
  const back = await request(jar, callback, { headers: { accept: 'text/html' } });
  return { jar, back, body: back.status === 303 ? '' : await back.text() };
}

async function finish(c: TestConsentry, jar: CookieJar, location: string) {
  return request(jar, new URL(location, c.baseUrl).href);
}

describe('sign-in with an OpenID provider (existing users only)', () => {
  let c: Started;
  beforeAll(async () => {
    c = await started();
    await c.app.console.users.create({
      email: 'alice@demo.consentry.test',
      password: PASSWORD,
      permissions: ['connect_accounts'],
    });
  });
  afterAll(async () => {
    await c?.close();
  });

  it('signs in a local user matched by verified email, links (issuer, subject) and keeps no token', async () => {
    const { jar, back } = await signIn(c, 'alice', { next: '/users' });
    expect(back.status).toBe(303);
    const location = back.headers.get('location')!;
    expect(location).toMatch(/^\/sign-in\/oidc\/complete\?ticket=/);
    const before = jar.get(c.baseUrl, 'consentry_sid');
    const done = await finish(c, jar, location);
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe('/users');
    const sid = jar.get(c.baseUrl, 'consentry_sid');
    expect(sid).toBeTruthy();
    expect(sid).not.toBe(before);
    expect((await c.app.console.users.userOfSession(sid))?.email).toBe('alice@demo.consentry.test');

    const home = await request(jar, `${c.baseUrl}/`);
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('alice@demo.consentry.test');

    const link = await c.app.database.db.selectFrom('signin_links').selectAll().execute();
    expect(link).toEqual([expect.objectContaining({ issuer: c.issuer, subject: 'alice' })]);
    expect(await c.app.store.connections.list({ purpose: 'signin' })).toEqual([]);

    // Her sign-in accounts page lists the link and can remove it (CSRF-protected form).
    const links = await request(jar, `${c.baseUrl}/account/sign-in-links`);
    expect(links.status).toBe(200);
    const page = await links.text();
    expect(page).toContain(c.issuer);
    const form =
      /<form class="inline" method="post" action="([^"]*unlink[^"]*)">.*?name="_csrf" value="([^"]+)"/s.exec(
        page,
      )!;
    const unlink = await request(jar, new URL(form[1]!.replace(/&amp;|&#38;/g, '&'), c.baseUrl).href, {
      method: 'POST',
      body: new URLSearchParams({ _csrf: form[2]! }),
      headers: { origin: c.baseUrl },
    });
    expect(unlink.status).toBe(303);
    expect(unlink.headers.get('location')).toBe('/account/sign-in-links');
    expect(await c.app.database.db.selectFrom('signin_links').selectAll().execute()).toEqual([]);
  });

  it('a ticket works once, and only in the browser session that started the sign-in', async () => {
    const { back } = await signIn(c, 'alice');
    const location = back.headers.get('location')!;
    const stranger = new CookieJar();
    stranger.set(c.baseUrl, 'consentry_sid', randomBytes(32).toString('base64url'));
    const stolen = await request(stranger, new URL(location, c.baseUrl).href, {
      headers: { accept: 'text/html' },
    });
    expect(stolen.status).toBe(400);
    expect(await stolen.text()).toContain('This sign-in was started in another browser session.');
    // The stolen attempt consumed it: the owner must start again.
    const { jar, back: again } = await signIn(c, 'alice');
    const ok = await finish(c, jar, again.headers.get('location')!);
    expect(ok.status).toBe(303);
    const replay = await request(jar, new URL(again.headers.get('location')!, c.baseUrl).href, {
      headers: { accept: 'text/html' },
    });
    expect(replay.status).toBe(400);
    expect(await replay.text()).toContain('unknown or was already used');
  });

  it('an unknown person is refused with a clear message, and nobody is created', async () => {
    const count = (await c.app.console.users.list()).length;
    const { back, body } = await signIn(c, 'bob');
    expect(back.status).toBe(403);
    expect(body).toContain(
      'No Consentry user has the email address bob@demo.consentry.test. Ask an administrator to create one.',
    );
    expect((await c.app.console.users.list()).length).toBe(count);
  });

  it('a disabled user is refused even through an existing link', async () => {
    const alice = (await c.app.console.users.list()).find((u) => u.email === 'alice@demo.consentry.test')!;
    await c.app.database.db
      .updateTable('console_users')
      .set({ disabled: 1 })
      .where('id', '=', alice.id)
      .execute();
    try {
      const { back, body } = await signIn(c, 'alice');
      expect(back.status).toBe(403);
      expect(body).toContain('disabled');
    } finally {
      await c.app.database.db
        .updateTable('console_users')
        .set({ disabled: 0 })
        .where('id', '=', alice.id)
        .execute();
    }
  });
});

describe('sign-in creating users on first sign-in', () => {
  it('creates a user without permissions for an allowed domain', async () => {
    const c = await started({ SIGNIN_CREATE_USERS: 'true', SIGNIN_ALLOWED_DOMAINS: 'demo.consentry.test' });
    try {
      const { jar, back } = await signIn(c, 'newbie');
      expect(back.status).toBe(303);
      expect((await finish(c, jar, back.headers.get('location')!)).status).toBe(303);
      const user = (await c.app.console.users.list()).find((u) => u.email === 'newbie@demo.consentry.test');
      expect(user).toBeDefined();
      expect(user!.permissions).toEqual([]);
      // No password works for a user made by sign-in.
      await expect(c.app.console.users.authenticate('newbie@demo.consentry.test', '')).rejects.toThrow();
    } finally {
      await c.close();
    }
  });

  it('refuses other domains, and refuses creation when not allowed at all', async () => {
    const envs: Record<string, string>[] = [
      { SIGNIN_CREATE_USERS: 'true', SIGNIN_ALLOWED_DOMAINS: 'example.org' },
      { SIGNIN_CREATE_USERS: 'true' },
    ];
    for (const env of envs) {
      const c = await started(env);
      try {
        const { back, body } = await signIn(c, 'outsider');
        expect(back.status).toBe(403);
        expect(body).toContain('New users from demo.consentry.test may not sign in.');
        expect((await c.app.console.users.list()).map((u) => u.email)).toEqual(['admin@example.org']);
      } finally {
        await c.close();
      }
    }
  });
});
