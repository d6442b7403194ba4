import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, csrfFrom, page, signIn } from '../console/support/console-client.ts';
import { type CookieJar, request } from '../support/browserless.ts';
import { startConsentry, type TestConsentry } from '../support/consentry.ts';
import { startReceiver } from './receiver.ts';

/**
 * The console's API keys and webhooks pages: an administrator creates a key (shown once, then
 * only its prefix), revokes it; adds a webhook endpoint (secret shown once) and reads the
 * delivery log after an event. A user without `administer_oauth` is refused; a user without
 * `manage_secrets` cannot create a key that hands out tokens.
 */
let t: TestConsentry;
let admin: CookieJar;

beforeAll(async () => {
  t = await startConsentry({ env: { DEMO_PROVIDER: 'false' } });
  await createUser(t, 'admin@example.org');
  await createUser(t, 'oauth@example.org', ['administer_oauth']);
  await createUser(t, 'user@example.org', ['connect_accounts']);
  admin = await signIn(t, 'admin@example.org');
}, 120_000);

afterAll(async () => {
  await t?.close();
});

async function postForm(jar: CookieJar, path: string, fields: [string, string][]): Promise<Response> {
  const csrf = csrfFrom((await page(jar, `${t.baseUrl}${path.split('/').slice(0, 2).join('/')}`)).html);
  return request(jar, `${t.baseUrl}${path}`, {
    method: 'POST',
    body: new URLSearchParams([['_csrf', csrf], ...fields]),
  });
}

describe('console: API keys', () => {
  it('creates a key shown once, lists its prefix only, and revokes it', async () => {
    const res = await postForm(admin, '/api-keys', [
      ['name', 'crm'],
      ['scope', 'connections:read'],
      ['scope', 'access_tokens:read'],
    ]);
    expect(res.status).toBe(200);
    const html = await res.text();
    const key = /value="(csk_[A-Za-z0-9_-]{43})"/.exec(html)?.[1];
    expect(key).toBeDefined();
    expect(res.headers.get('cache-control')).toBe('no-store');
    const api = await fetch(`${t.baseUrl}/api/v1/connections`, {
      headers: { authorization: `Bearer ${key}` },
    });
    expect(api.status).toBe(200);
    const list = (await page(admin, `${t.baseUrl}/api-keys`)).html;
    expect(list).not.toContain(key!);
    expect(list).toContain(`${key!.slice(0, 8)}…`);
    const id = (
      await t.app.integrations.apiKeys.list({
        userId: undefined,
        label: 't',
        permissions: ['administer_oauth'],
      })
    )[0]!.id;
    expect((await postForm(admin, `/api-keys/${id}/revoke`, [])).status).toBe(303);
    expect(
      (await fetch(`${t.baseUrl}/api/v1/connections`, { headers: { authorization: `Bearer ${key}` } }))
        .status,
    ).toBe(401);
  });

  it('needs manage_secrets for a key that hands out tokens; refuses users without administer_oauth', async () => {
    const oauthOnly = await signIn(t, 'oauth@example.org');
    const res = await postForm(oauthOnly, '/api-keys', [
      ['name', 'x'],
      ['scope', 'access_tokens:read'],
    ]);
    expect(res.status).toBe(403);
    const ok = await postForm(oauthOnly, '/api-keys', [
      ['name', 'reader'],
      ['scope', 'connections:read'],
    ]);
    expect(ok.status).toBe(200);
    const user = await signIn(t, 'user@example.org');
    expect((await page(user, `${t.baseUrl}/api-keys`)).status).toBe(403);
    expect((await page(user, `${t.baseUrl}/webhooks`)).status).toBe(403);
  });
});

describe('console: webhooks', () => {
  it('adds an endpoint (secret shown once) and shows the delivery log', async () => {
    let secret: string | undefined;
    const receiver = await startReceiver(() => secret);
    try {
      const res = await postForm(admin, '/webhooks', [
        ['url', receiver.url],
        ['event', 'connection.deleted'],
      ]);
      expect(res.status).toBe(200);
      secret = /value="(whsec_[A-Za-z0-9_-]+)"/.exec(await res.text())?.[1];
      expect(secret).toBeDefined();
      expect((await page(admin, `${t.baseUrl}/webhooks`)).html).not.toContain(secret!);
      // An event: the server listens, so its dispatcher delivers.
      await t.app.client.publish({ type: 'deleted', connectionId: 'c-1', purpose: 'p' });
      await receiver.waitFor(1);
      expect(receiver.received[0]).toMatchObject({ type: 'connection.deleted', verified: true });
      let log = '';
      for (let i = 0; i < 50 && !log.includes('>delivered<'); i++) {
        await new Promise((r) => setTimeout(r, 100));
        log = (await page(admin, `${t.baseUrl}/webhooks`)).html;
      }
      expect(log).toContain('connection.deleted');
      expect(log).toContain('>delivered<');
      const bad = await postForm(admin, '/webhooks', [['url', 'http://example.org/hook']]);
      expect(bad.status).toBe(400);
      expect(await bad.text()).toContain('https');
    } finally {
      await receiver.close();
    }
  });
});
