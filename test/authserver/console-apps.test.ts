import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, csrfFrom, page, post, signIn } from '../console/support/console-client.ts';
import type { CookieJar } from '../support/browserless.ts';
import { type AuthFixture, authFixture, basic } from './fixture.ts';

/** The console's OAuth-application pages over HTTP, as a signed-in administrator. */
// To the administrator: what is missing (a signing key) and the command that creates it.
const KEYS_MISSING = 'No signing key yet:';

let f: AuthFixture;
let admin: CookieJar;
beforeAll(async () => {
  f = await authFixture({ keys: false });
  await createUser(f.consentry, 'admin@example.org');
  admin = await signIn(f.consentry, 'admin@example.org');
});
afterAll(async () => f?.close());

const url = (path: string) => `${f.baseUrl}${path}`;

async function createViaConsole(fields: Record<string, string>) {
  const form = await page(admin, url('/apps/new'));
  expect(form.status).toBe(200);
  const res = await post(admin, url('/apps'), {
    _csrf: csrfFrom(form.html),
    organization: 'Acme',
    name: 'Console app',
    owner_email: 'admin@example.org',
    audience: 'backend',
    scopes: 'participants:read',
    token_lifetime: '3600',
    active: '1',
    ...fields,
  });
  const html = await res.text();
  const secret = /id="client-secret"[^>]*value="([^"]+)"/.exec(html)?.[1];
  const clientId = /id="client-id"[^>]*value="([^"]+)"/.exec(html)?.[1];
  return { res, html, secret, clientId };
}

describe('console: OAuth applications', () => {
  it('warns when keys are missing, in the seed’s words', async () => {
    const list = await page(admin, url('/apps'));
    expect(list.status).toBe(200);
    expect(list.html).toContain(KEYS_MISSING);
    expect(list.html).toContain('npx consentry keys generate');
    expect(list.html).not.toContain('contact your administrator');
  });

  it('creates an application, shows the secret once (no-store), never again; the secret gets a token', async () => {
    const { res, html, secret, clientId } = await createViaConsole({ name: 'Door scanner' });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(html).toContain('you will not see it again');
    expect(html).toContain('data-copy="client-secret"');
    expect(html).toContain('No email was sent to admin@example.org: SMTP is not configured');
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const list = await page(admin, url('/apps'));
    expect(list.html).toContain('Door scanner');
    expect(list.html).toContain(clientId!);
    expect(list.html).not.toContain(secret!);
    const id = /href="\/apps\/([0-9a-f-]{36})"/.exec(list.html)![1]!;
    const detail = await page(admin, url(`/apps/${id}`));
    expect(detail.html).toContain(clientId!);
    expect(detail.html).not.toContain(secret!);

    // Keys appear: the warning goes and the console's secret works at the token endpoint.
    const { generateKeyFiles } = await import('../../src/authserver/signing-keys.ts');
    generateKeyFiles(f.keysDir, { alg: 'ES256', now: new Date(f.clock.now - 1000) });
    f.consentry.app.authserver.keys.reloadIfChanged();
    expect((await page(admin, url('/apps'))).html).not.toContain(KEYS_MISSING);
    const token = await fetch(url('/oauth2-token'), {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: basic(clientId!, secret!),
      },
      body: 'grant_type=client_credentials',
    });
    expect(token.status).toBe(200);
    expect(f.consentry.logs.join('\n')).not.toContain(secret!);
  });

  it('filters by name, organization and status; edits, deactivates, activates, rotates, deletes', async () => {
    const a = await createViaConsole({ name: 'Kiosk', organization: 'Other org' });
    const b = await createViaConsole({ name: 'Badge printer', organization: 'Other org' });
    const byName = await page(admin, url('/apps?name=kios'));
    expect(byName.html).toContain('Kiosk');
    expect(byName.html).not.toContain('Badge printer');
    const orgId = /<option value="([^"]+)">Other org<\/option>/.exec(byName.html)![1]!;
    const byOrg = await page(admin, url(`/apps?organization=${orgId}`));
    expect(byOrg.html).toContain('Kiosk');
    expect(byOrg.html).not.toContain('Door scanner');

    const apps = f.consentry.app.authserver.applications;
    const kiosk = await apps.get(a.clientId!);
    const csrf = csrfFrom((await page(admin, url(`/apps/${kiosk.id}`))).html);

    const edit = await post(admin, url(`/apps/${kiosk.id}`), {
      _csrf: csrf,
      organization: 'Other org',
      name: 'Kiosk 2',
      owner_email: 'k@example.org',
      audience: 'frontend',
      scopes: 'participants:read',
      token_lifetime: '600',
    });
    expect(edit.status).toBe(303);
    expect(await apps.get(kiosk.id)).toMatchObject({
      name: 'Kiosk 2',
      audience: 'frontend',
      tokenLifetimeSeconds: 600,
    });
    const invalid = await post(admin, url(`/apps/${kiosk.id}`), {
      _csrf: csrf,
      organization: 'Other org',
      name: 'Kiosk 2',
      owner_email: 'nope',
      token_lifetime: '600',
    });
    expect(invalid.status).toBe(400);
    expect(await invalid.text()).toContain('must be an email address');

    expect((await post(admin, url(`/apps/${kiosk.id}/deactivate`), { _csrf: csrf })).status).toBe(303);
    expect((await apps.get(kiosk.id)).active).toBe(false);
    const inactive = await page(admin, url('/apps?status=inactive'));
    expect(inactive.html).toContain('Kiosk 2');
    expect(inactive.html).not.toContain('Badge printer');
    expect((await post(admin, url(`/apps/${kiosk.id}/activate`), { _csrf: csrf })).status).toBe(303);
    expect((await apps.get(kiosk.id)).active).toBe(true);

    const rotated = await post(admin, url(`/apps/${kiosk.id}/rotate-secret`), {
      _csrf: csrf,
      old_secret_hours: '24',
    });
    const rotatedHtml = await rotated.text();
    expect(rotated.headers.get('cache-control')).toBe('no-store');
    const fresh = /id="client-secret"[^>]*value="([^"]+)"/.exec(rotatedHtml)![1]!;
    expect(fresh).not.toBe(a.secret);
    expect(rotatedHtml).toContain('The previous secret keeps working until');

    const badgeId = (await apps.get(b.clientId!)).id;
    expect((await post(admin, url(`/apps/${badgeId}/delete`), { _csrf: csrf })).status).toBe(303);
    const after = (await page(admin, url('/apps'))).html;
    expect(after).toContain('Deleted “Badge printer”');
    expect(after).not.toContain('>Badge printer</a>');
  });

  it('needs administer_oauth (and manage_secrets to rotate); refuses a POST without CSRF', async () => {
    await createUser(f.consentry, 'viewer@example.org', ['connect_accounts']);
    const viewer = await signIn(f.consentry, 'viewer@example.org');
    expect((await page(viewer, url('/apps'))).status).toBe(403);
    await createUser(f.consentry, 'oauth-admin@example.org', ['administer_oauth']);
    const oauthAdmin = await signIn(f.consentry, 'oauth-admin@example.org');
    const list = await page(oauthAdmin, url('/apps'));
    expect(list.status).toBe(200);
    const id = /href="\/apps\/([0-9a-f-]{36})"/.exec(list.html)![1]!;
    const detail = await page(oauthAdmin, url(`/apps/${id}`));
    expect(detail.html).toContain('Rotating the secret needs the manage_secrets permission');
    const res = await post(oauthAdmin, url(`/apps/${id}/rotate-secret`), { _csrf: csrfFrom(detail.html) });
    expect(res.status).toBe(403);
    const noCsrf = await post(admin, url(`/apps/${id}/deactivate`), {});
    expect(noCsrf.status).toBe(400);
    expect((await f.consentry.app.authserver.applications.get(id)).active).toBe(true);
  });
});
