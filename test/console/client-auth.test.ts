import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConsentry, type TestConsentry } from '../support/consentry.ts';
import { createUser, csrfFrom, page, post, signIn } from './support/console-client.ts';

/**
 * Issue 12 in the console: a registered client's client authentication (automatic or an
 * override), private_key_jwt with a generated key pair whose public key is shown for pasting and
 * whose private key never is.
 */
describe('console: client authentication per registered client', () => {
  let t: TestConsentry;
  beforeAll(async () => {
    t = await startConsentry({ env: { DEMO_PROVIDER: 'false' } });
    await createUser(t, 'admin@example.org');
  });
  afterAll(async () => t?.close());

  it('private_key_jwt from the register form: a pair generated, the public key shown, the private key nowhere', async () => {
    const jar = await signIn(t, 'admin@example.org');
    const form = await page(jar, `${t.baseUrl}/providers/oidc/register`);
    expect(form.status).toBe(200);
    expect(form.html).toContain('name="clientAuth"');
    expect(form.html).toContain('value="private_key_jwt"');
    const saved = await post(jar, `${t.baseUrl}/providers/oidc/register`, {
      _csrf: csrfFrom(form.html),
      name: 'Keyed',
      clientId: 'consentry-rp.keyed_~1',
      clientSecret: '',
      clientAuth: 'private_key_jwt',
      privateKey: '',
      t_issuer: 'https://id.example.com',
    });
    expect(saved.status).toBe(303);
    const [client] = await t.app.store.clients.list({ providerKey: 'oidc' });
    expect(client).toMatchObject({
      hasClientKey: true,
      hasClientSecret: false,
      options: { clientAuth: 'private_key_jwt' },
    });
    const privateJwk = JSON.parse((await t.app.store.clients.keyOf(client!.id))!) as { d: string };

    const edit = await page(jar, `${t.baseUrl}/clients/${client!.id}`);
    expect(edit.status).toBe(200);
    expect(edit.html).toContain('Public key (private_key_jwt)');
    expect(edit.html).toContain('-----BEGIN PUBLIC KEY-----');
    expect(edit.html).toMatch(/<option value="private_key_jwt" selected>/);
    expect(edit.html).not.toContain(privateJwk.d);

    // Back to automatic: the override goes, the key stays (blank keeps it).
    const back = await post(jar, `${t.baseUrl}/clients/${client!.id}`, {
      _csrf: csrfFrom(edit.html),
      name: 'Keyed',
      clientId: 'consentry-rp.keyed_~1',
      clientSecret: 'now-a-secret-1',
      clientAuth: '',
      privateKey: '',
      t_issuer: 'https://id.example.com',
    });
    expect(back.status).toBe(303);
    const after = await t.app.store.clients.get(client!.id);
    expect(after?.options.clientAuth).toBeUndefined();
    expect(after?.hasClientKey).toBe(true);
    expect(await t.app.store.clients.keyOf(client!.id)).toContain(privateJwk.d);
  });

  it('an unknown method posted by hand is refused', async () => {
    const jar = await signIn(t, 'admin@example.org');
    const form = await page(jar, `${t.baseUrl}/providers/oidc/register`);
    const res = await post(jar, `${t.baseUrl}/providers/oidc/register`, {
      _csrf: csrfFrom(form.html),
      name: 'Bad',
      clientId: 'x',
      clientSecret: 's',
      clientAuth: 'tls_client_auth',
      t_issuer: 'https://id.example.com',
    });
    expect(res.status).toBe(400);
    expect(await t.app.store.clients.list({ providerKey: 'oidc' })).toHaveLength(1);
  });
});
