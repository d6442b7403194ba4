import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConsentry, type TestConsentry } from '../support/consentry.ts';
import { type StandIn, startStandIn } from '../support/stand-in.ts';

/**
 * Sign-in refuses bad ID tokens with a clear message. The provider is a stand-in (a loopback
 * token endpoint signing ID tokens with a key it publishes in its JWKS), because the cases need
 * tokens a real provider would never issue: a wrong nonce, a wrong audience, an expired token,
 * and — with the catalog's Microsoft quirk — a token from another tenant.
 */
const TENANT = '11111111-2222-4333-8444-555555555555';
const OTHER_TENANT = '99999999-8888-4777-8666-555555555555';

let c: TestConsentry;
let op: StandIn;
let genericRef: string;
let microsoftRef: string;
const issued: string[] = [];

beforeAll(async () => {
  op = await startStandIn();
  c = await startConsentry({
    env: { DEMO_PROVIDER: 'false' },
    providers: [
      {
        key: 'standin-oidc',
        displayName: 'Stand-in OpenID provider',
        protocol: 'oidc',
        issuer: op.url,
        endpoints: { authorization: `${op.url}/authorize`, token: `${op.url}/token`, jwks: `${op.url}/jwks` },
        clientAuth: 'client_secret_basic',
        scopes: [
          { name: 'openid', description: 'Sign in.' },
          { name: 'email', description: 'Email.' },
          { name: 'profile', description: 'Profile.' },
        ],
        presets: { login: ['openid', 'email', 'profile'] },
      },
      {
        // Microsoft's shape (per-tenant issuer, `tid`) with loopback endpoints: the catalog's
        // microsoft quirk decides which issuer to expect.
        key: 'standin-microsoft',
        displayName: 'Stand-in Microsoft Entra ID',
        protocol: 'oidc',
        issuer: 'https://login.microsoftonline.com/{tenant}/v2.0',
        endpoints: { authorization: `${op.url}/authorize`, token: `${op.url}/token`, jwks: `${op.url}/jwks` },
        clientAuth: 'client_secret_post',
        templates: [
          {
            name: 'tenant',
            label: 'Tenant',
            description: 'Directory (tenant) id.',
            pattern: 'common|organizations|consumers|[0-9a-fA-F-]{36}',
            default: 'common',
          },
        ],
        scopes: [
          { name: 'openid', description: 'Sign in.' },
          { name: 'email', description: 'Email.' },
          { name: 'profile', description: 'Profile.' },
        ],
        presets: { login: ['openid', 'email', 'profile'] },
        quirks: 'microsoft',
      },
    ],
  });
  genericRef = (
    await c.app.store.clients.create({
      providerKey: 'standin-oidc',
      name: 'Stand-in',
      clientId: 'consentry-signin',
      clientSecret: 'stand-in-secret',
    })
  ).id;
  microsoftRef = (
    await c.app.store.clients.create({
      providerKey: 'standin-microsoft',
      name: 'Contoso',
      clientId: 'contoso-app',
      clientSecret: 'stand-in-secret',
      templateValues: { tenant: TENANT },
    })
  ).id;
  await c.app.console.users.create({
    email: 'pat@example.org',
    password: 'correct horse battery staple',
    permissions: [],
  });
});
afterAll(async () => {
  await c?.close();
  await op?.close();
});

/**
 * Starts sign-in with `clientRef`, lets the stand-in answer the code exchange with an ID token
 * built from `claims(flow)`, and returns the callback's answer.
 */
async function signInWith(
  clientRef: string,
  claims: (flow: { nonce: string; clientId: string; now: number }) => Record<string, unknown>,
  options: { linkTo?: string } = {},
) {
  const session = randomBytes(32).toString('base64url');
  const signin = c.app.features.signin;
  const consent = new URL(
    options.linkTo
      ? await signin.beginLink(clientRef, { session, userId: options.linkTo })
      : await signin.begin(clientRef, { session }),
  );
  const state = consent.searchParams.get('state')!;
  const nonce = consent.searchParams.get('nonce')!;
  const clientId = consent.searchParams.get('client_id')!;
  expect(nonce).toBeTruthy();
  expect(consent.searchParams.get('code_challenge_method')).toBe('S256');
  const idToken = await op.idToken(claims({ nonce, clientId, now: Math.floor(Date.now() / 1000) }));
  issued.push(idToken);
  op.answer({
    status: 200,
    body: { access_token: 'stand-in-access', token_type: 'Bearer', expires_in: 3600, id_token: idToken },
  });
  const tokenRequests = op.requests.length;
  const res = await fetch(
    `${c.baseUrl}/oauth/callback?code=stand-in-code&state=${encodeURIComponent(state)}`,
    {
      headers: { cookie: `consentry_sid=${session}`, accept: 'text/html' },
      redirect: 'manual',
    },
  );
  const body = res.status === 303 ? '' : await res.text();
  return {
    status: res.status,
    location: res.headers.get('location'),
    body,
    tokenRequests: op.requests.length - tokenRequests,
  };
}

const good =
  (iss: string, extra: Record<string, unknown> = {}) =>
  (f: { nonce: string; clientId: string; now: number }) => ({
    iss,
    aud: f.clientId,
    sub: 'pat-subject',
    nonce: f.nonce,
    iat: f.now,
    exp: f.now + 600,
    email: 'pat@example.org',
    email_verified: true,
    ...extra,
  });

describe('sign-in ID-token validation', () => {
  it('accepts a good ID token (so the refusals below are about the one bad claim)', async () => {
    const r = await signInWith(genericRef, good(op.url));
    expect(r.status).toBe(303);
    expect(r.location).toMatch(/^\/sign-in\/oidc\/complete\?ticket=/);
  });

  it.each([
    ['a wrong nonce', { nonce: 'not-the-nonce' }, /unexpected ID Token &#34;nonce&#34; claim value/],
    ['a wrong audience', { aud: 'someone-else' }, /&#34;aud&#34; \(audience\) claim value/],
    [
      'an expired ID token',
      { exp: Math.floor(Date.now() / 1000) - 3600, iat: Math.floor(Date.now() / 1000) - 7200 },
      /expiration is past current timestamp/,
    ],
  ])('refuses %s with a clear message', async (_name, bad, says) => {
    const links = await c.app.database.db.selectFrom('signin_links').selectAll().execute();
    const tickets = (await c.app.database.db.selectFrom('signin_tickets').selectAll().execute()).length;
    const r = await signInWith(genericRef, (f) => ({ ...good(op.url)(f), ...bad }));
    expect(r.status).toBe(502);
    expect(r.body).toContain('The provider’s ID token is invalid.');
    expect(r.body).toMatch(says);
    expect(r.location).toBeNull();
    // Nothing stored: no session ticket, no new link, no connection.
    expect(await c.app.database.db.selectFrom('signin_tickets').selectAll().execute()).toHaveLength(tickets);
    expect(await c.app.database.db.selectFrom('signin_links').selectAll().execute()).toEqual(links);
    expect(await c.app.store.connections.list()).toEqual([]);
  });

  it('Microsoft: a token from the configured tenant is accepted, one from another tenant refused', async () => {
    const mine = await signInWith(
      microsoftRef,
      good(`https://login.microsoftonline.com/${TENANT}/v2.0`, { tid: TENANT, sub: 'ms-pat' }),
    );
    expect(mine.status).toBe(303);
    const other = await signInWith(
      microsoftRef,
      good(`https://login.microsoftonline.com/${OTHER_TENANT}/v2.0`, { tid: OTHER_TENANT, sub: 'ms-eve' }),
    );
    expect(other.status).toBe(502);
    expect(other.body).toContain('microsoft: the ID token was issued by another tenant.');
    // A token claiming the configured tenant in `tid` but issued by another issuer is refused too.
    const forged = await signInWith(
      microsoftRef,
      good(`https://login.microsoftonline.com/${OTHER_TENANT}/v2.0`, { tid: TENANT, sub: 'ms-eve' }),
    );
    expect(forged.status).toBe(502);
    expect(forged.body).toMatch(/&#34;iss&#34; \(issuer\) claim value/);
  });

  it('an email the provider does not say is verified never matches a local user', async () => {
    const r = await signInWith(genericRef, good(op.url, { sub: 'someone-else', email_verified: undefined }));
    expect(r.status).toBe(403);
    expect(r.body).toContain('The provider did not confirm that pat@example.org is verified');
  });

  it('Microsoft sends no email_verified: its accounts sign in through a link the user made while signed in', async () => {
    const claims = good(`https://login.microsoftonline.com/${TENANT}/v2.0`, {
      tid: TENANT,
      sub: 'ms-pat-2',
      email_verified: undefined,
    });
    const before = await signInWith(microsoftRef, claims);
    expect(before.status).toBe(403);
    expect(before.body).toContain('did not confirm that pat@example.org is verified');

    const users = await c.app.console.users.list();
    const pat = users.find((u) => u.email === 'pat@example.org')!;
    const linked = await signInWith(microsoftRef, claims, { linkTo: pat.id });
    expect(linked.status).toBe(303);
    expect(linked.location).toBe('/account/sign-in-links?linked=1');
    expect((await c.app.features.signin.linksOf(pat.id)).map((l) => l.subject)).toContain('ms-pat-2');

    const after = await signInWith(microsoftRef, claims);
    expect(after.status).toBe(303);
    expect(after.location).toMatch(/^\/sign-in\/oidc\/complete\?ticket=/);

    // The same provider account cannot be linked to a second user.
    const other = await c.app.console.users.create({
      email: 'other@example.org',
      password: 'correct horse battery staple',
      permissions: [],
    });
    const stolen = await signInWith(microsoftRef, claims, { linkTo: other.id });
    expect(stolen.status).toBe(403);
    expect(stolen.body).toContain('already linked to another Consentry user');
  });

  it('no ID token or access token ever appears in a log line', () => {
    expect(issued.length).toBeGreaterThan(5);
    const logs = c.logs.join('\n');
    for (const t of [...issued, 'stand-in-access']) expect(logs).not.toContain(t);
    // A token's signature part is the most specific piece of it.
    for (const t of issued) expect(logs).not.toContain(t.split('.')[2]!);
  });
});
