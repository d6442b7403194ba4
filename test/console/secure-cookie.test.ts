import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConsentry, type TestConsentry } from '../support/consentry.ts';
import { createUser, csrfFrom, PASSWORD } from './support/console-client.ts';

/**
 * SECURITY.md "Admin console": the session cookie is HttpOnly, SameSite=Lax, and Secure when the
 * public base URL is https (the http case is in console.test.ts). The id changes at sign-in.
 */
describe('session cookie behind an https base URL', () => {
  let t: TestConsentry;
  const origin = 'https://consentry.example.org';
  beforeAll(async () => {
    t = await startConsentry({ listen: false, env: { PUBLIC_BASE_URL: origin } });
    await createUser(t, 'ops@example.org', ['administer_oauth']);
  });
  afterAll(() => t?.close());

  it('is Secure, HttpOnly, SameSite=Lax before and after sign-in, and renewed at sign-in', async () => {
    const form = await t.app.server.inject({ url: '/sign-in' });
    expect(form.statusCode).toBe(200);
    const before = String(form.headers['set-cookie']);
    expect(before).toMatch(/^consentry_sid=[A-Za-z0-9_-]{43};/);
    for (const flag of [/; Secure/, /; HttpOnly/, /; SameSite=Lax/]) expect(before).toMatch(flag);

    const signedIn = await t.app.server.inject({
      method: 'POST',
      url: '/sign-in',
      headers: {
        cookie: before.split(';')[0]!,
        origin,
        'content-type': 'application/x-www-form-urlencoded',
      },
      payload: new URLSearchParams({
        _csrf: csrfFrom(form.body),
        email: 'ops@example.org',
        password: PASSWORD,
      }).toString(),
    });
    expect(signedIn.statusCode).toBe(303);
    const after = String(signedIn.headers['set-cookie']);
    for (const flag of [/; Secure/, /; HttpOnly/, /; SameSite=Lax/]) expect(after).toMatch(flag);
    expect(after.split(';')[0]).not.toBe(before.split(';')[0]);
  });
});
