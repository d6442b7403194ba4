import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOG } from '../../src/catalog/providers/index.ts';
import { ProviderRegistry } from '../../src/catalog/registry.ts';
import { OPERATOR } from '../../src/console/actor.ts';
import type { Mailbox } from '../../src/consumers/mail/mailbox.ts';
import type { RegisteredClient } from '../../src/domain/connection.ts';
import { ConsentryError } from '../../src/domain/errors.ts';
import { rewriteForStandIn } from '../catalog/support.ts';
import { cli } from '../cli/support.ts';
import { createUser, csrfFrom, page, post, signIn } from '../console/support/console-client.ts';
import { startConsentry, type TestConsentry } from '../support/consentry.ts';
import {
  type GoogleStandIn,
  type StandInServiceAccount,
  startGoogleStandIn,
} from '../support/google-stand-in.ts';
import { startSmtp, type TestSmtp } from './support/smtp.ts';

/**
 * Done-when of issue 16 (deliverable 3): a Google service account sends a message through the mail
 * consumer. Google's token endpoint is a loopback stand-in that verifies every assertion with the
 * account's public key; the SMTP server is the real `smtp-server` requiring XOAUTH2, whose AUTH
 * handler accepts a bearer only when Google minted it for that very user with the mail scope.
 */
const MAIL = 'https://mail.google.com/';
let google: GoogleStandIn;
let smtp: TestSmtp;
let t: TestConsentry;
let account: StandInServiceAccount;
let saClient: RegisteredClient;

beforeAll(async () => {
  google = await startGoogleStandIn();
  account = await google.createServiceAccount('mailer');
  google.users.add('alice@example.test');
  google.users.add('bob@example.test');
  google.delegate(account.clientId, [MAIL]);
  smtp = await startSmtp({
    verify: async (user, token) => {
      const info = google.tokenInfo(token);
      return info !== undefined && info.subject === user && info.scopes.includes(MAIL);
    },
  });
  const registry = new ProviderRegistry(CATALOG);
  t = await startConsentry({
    env: { DEMO_PROVIDER: 'false' },
    providers: [rewriteForStandIn(registry.get('google'), google.url)],
  });
  saClient = await t.app.console.serviceAccounts.importKey(OPERATOR, 'google', {
    name: 'Mail (service account)',
    keyFile: account.keyFile,
  });
}, 120_000);
afterAll(async () => {
  await t?.close();
  await smtp?.close();
  await google?.close();
});

async function mailbox(address: string, clientRef = saClient.id): Promise<Mailbox> {
  const server = { host: '127.0.0.1', port: smtp.port, security: 'none' as const };
  return t.app.features.mail.createAccount({
    clientRef,
    address,
    smtp: server,
    imap: { ...server, port: 1 },
  });
}

describe('the uploaded key', () => {
  it('is sealed at rest: the row holds neither the PEM nor the JWK’s private members; only account and key id are shown', async () => {
    const pem = JSON.parse(account.keyFile).private_key as string;
    const jwkD = JSON.parse((await t.app.store.clients.keyOf(saClient.id))!).d as string;
    const row = await t.app.database.db
      .selectFrom('oauth_clients')
      .selectAll()
      .where('id', '=', saClient.id)
      .executeTakeFirstOrThrow();
    const everything = JSON.stringify(row);
    expect(everything).not.toContain(jwkD);
    expect(everything).not.toContain(pem.split('\n')[1]!);
    expect(row.client_secret).toBeNull();
    expect(saClient).toMatchObject({
      clientId: account.clientEmail,
      hasClientKey: true,
      hasClientSecret: false,
      options: {
        grant: 'jwt_bearer',
        serviceAccount: {
          clientEmail: account.clientEmail,
          privateKeyId: account.privateKeyId,
          clientId: account.clientId,
        },
      },
    });
    expect(JSON.stringify(saClient)).not.toContain(jwkD);
  });
});

describe('a mailbox acting as a user of the domain', () => {
  it('connects without consent, sends over XOAUTH2 as the impersonated user, and the message arrives', async () => {
    const m = await mailbox('alice@example.test');
    const before = google.requests.length;
    const connection = await t.app.features.mail.connectServiceAccount(m.id);
    expect(connection).toMatchObject({
      grantType: 'jwt_bearer',
      account: 'alice@example.test',
      purpose: 'mail',
      scopes: [MAIL],
      hasRefreshToken: false,
      status: 'active',
    });
    const minted = google.requests.slice(before);
    expect(minted).toHaveLength(1);
    expect(minted[0]!.signatureValid).toBe(true);
    expect(minted[0]!.claims).toMatchObject({
      iss: account.clientEmail,
      sub: 'alice@example.test',
      scope: MAIL,
    });
    expect(minted[0]!.header).toMatchObject({ alg: 'RS256', kid: account.privateKeyId });

    const auths = smtp.auths.length;
    const sent = await t.app.features.mail.send(m.id, {
      to: 'someone@example.test',
      subject: 'Hello from a service account',
      text: 'Domain-wide delegation works.',
    });
    expect(sent.accepted).toEqual(['someone@example.test']);
    const arrived = smtp.messages.find((x) => x.raw.includes('Subject: Hello from a service account'));
    expect(arrived).toMatchObject({ from: 'alice@example.test', user: 'alice@example.test' });
    expect(smtp.auths.slice(auths)).toEqual([
      { user: 'alice@example.test', token: connection.accessToken, ok: true },
    ]);
    // The token was cached: the send asked Google for nothing.
    expect(google.requests.length).toBe(before + 1);
    expect((await t.app.features.mail.health(m.id)).state).toBe('ok');
  });

  it('connecting again (same key, subject, scopes) returns the same connection without a token request', async () => {
    const m = await mailbox('alice@example.test');
    const before = google.requests.length;
    const first = await t.app.features.mail.connectServiceAccount(m.id);
    const again = await t.app.features.mail.connectServiceAccount(m.id);
    expect(again.id).toBe(first.id);
    expect(google.requests.length).toBe(before);
  });

  it('an expired token is re-minted once (a new signed assertion) before the send', async () => {
    const m = await mailbox('bob@example.test');
    const c = await t.app.features.mail.connectServiceAccount(m.id);
    await t.app.database.db
      .updateTable('connections')
      .set({ expires_at: Date.now() - 60_000 })
      .where('id', '=', c.id)
      .execute();
    const before = google.requests.length;
    const auths = smtp.auths.length;
    await t.app.features.mail.send(m.id, { to: 'x@example.test', subject: 'after expiry', text: '.' });
    const minted = google.requests.slice(before);
    expect(minted).toHaveLength(1);
    expect(minted[0]!.claims?.sub).toBe('bob@example.test');
    const a = smtp.auths.slice(auths);
    expect(a).toHaveLength(1);
    expect(a[0]).toMatchObject({ user: 'bob@example.test', ok: true });
    expect(a[0]!.token).not.toBe(c.accessToken);
    expect((await t.app.store.connections.get(c.id))!.version).toBe(c.version + 1);
  });

  it('50 simultaneous callers on an expiring connection: one assertion, one token request', async () => {
    const c = (await t.app.store.connections.list({ purpose: 'mail' })).find(
      (x) => x.account === 'alice@example.test',
    )!;
    await t.app.database.db
      .updateTable('connections')
      .set({ expires_at: Date.now() - 1_000 })
      .where('id', '=', c.id)
      .execute();
    const before = google.requests.length;
    const tokens = await Promise.all(Array.from({ length: 50 }, () => t.app.client.ensureFresh(c.id)));
    expect(google.requests.length - before).toBe(1);
    expect(new Set(tokens.map((x) => x.accessToken)).size).toBe(1);
  });

  it('a key without domain-wide delegation: Google’s unauthorized_client, a clear error, no connection', async () => {
    const other = await google.createServiceAccount('undelegated');
    const client = await t.app.console.serviceAccounts.importKey(OPERATOR, 'google', {
      name: 'Undelegated',
      keyFile: other.keyFile,
    });
    const m = await mailbox('alice@example.test', client.id);
    let error: unknown;
    try {
      await t.app.features.mail.connectServiceAccount(m.id);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConsentryError);
    expect((error as ConsentryError).code).toBe('CLIENT_REFUSED');
    expect(google.requests.at(-1)).toMatchObject({ status: 401, answer: { error: 'unauthorized_client' } });
    expect((await t.app.features.mail.get(m.id)).connectionRef).toBeUndefined();
    expect((await t.app.store.clients.get(client.id))?.refusal?.cause).toBe('client_invalid');
    // The administrator grants delegation; connecting again works and lifts the flag.
    google.delegate(other.clientId, [MAIL]);
    const c = await t.app.features.mail.connectServiceAccount(m.id);
    expect(c.account).toBe('alice@example.test');
    expect((await t.app.store.clients.get(client.id))?.refusal).toBeUndefined();
  });
});

describe('the console and the CLI faces', () => {
  it('the console uploads a key (errors name the field, never the key), shows only the account, key id and delegation client ID', async () => {
    await createUser(t, 'admin@example.test');
    const jar = await signIn(t, 'admin@example.test');
    const form = await page(jar, `${t.baseUrl}/providers/google/service-account`);
    expect(form.status).toBe(200);
    const second = await google.createServiceAccount('console');
    google.delegate(second.clientId, [MAIL]);
    const bad = await post(jar, `${t.baseUrl}/providers/google/service-account`, {
      _csrf: csrfFrom(form.html),
      name: 'Broken',
      keyFile: JSON.stringify({ ...JSON.parse(second.keyFile), type: 'authorized_user' }),
    });
    expect(bad.status).toBe(400);
    const badHtml = await bad.text();
    expect(badHtml).toContain('not a service-account key');
    expect(badHtml).not.toContain('BEGIN PRIVATE KEY');
    const res = await post(jar, `${t.baseUrl}/providers/google/service-account`, {
      _csrf: csrfFrom(form.html),
      name: 'Console SA',
      keyFile: second.keyFile,
    });
    expect(res.status).toBe(303);
    const location = res.headers.get('location')!;
    expect(location).toMatch(/^\/clients\/[^/]+\/service-account$/);
    const shown = await page(jar, `${t.baseUrl}${location}`);
    expect(shown.html).toContain(second.clientEmail);
    expect(shown.html).toContain(second.privateKeyId);
    expect(shown.html).toContain(second.clientId);
    expect(shown.html).not.toContain('BEGIN PRIVATE KEY');
    const storedD = JSON.parse((await t.app.store.clients.keyOf(location.split('/')[2]!))!).d as string;
    expect(shown.html).not.toContain(storedD);
    // The settings page of a service-account client is its service-account page.
    const settings = await page(jar, `${t.baseUrl}/clients/${location.split('/')[2]}`);
    expect(settings.status).toBe(303);
    expect(settings.res.headers.get('location')).toBe(location);
    // Connect as a user of the domain from the page: one signed assertion, the row appears.
    const before = google.requests.length;
    const connected = await post(jar, `${t.baseUrl}${location}/connect`, {
      _csrf: csrfFrom(shown.html),
      subject: 'alice@example.test',
      scopes: MAIL,
      purpose: '',
    });
    expect(connected.status).toBe(303);
    expect(google.requests.length - before).toBe(1);
    expect(google.requests.at(-1)!.claims).toMatchObject({
      iss: second.clientEmail,
      sub: 'alice@example.test',
    });
    // A mailbox of that account connects from its page without a consent screen.
    const m = await mailbox('bob@example.test', location.split('/')[2]!);
    const mailPage = await page(jar, `${t.baseUrl}/mail/${m.id}`);
    const viaPage = await page(
      jar,
      `${t.baseUrl}/mail/${m.id}/connect?_csrf=${encodeURIComponent(csrfFrom(mailPage.html))}`,
    );
    expect(viaPage.status).toBe(303);
    expect(viaPage.res.headers.get('location')).toBe(`/mail/${m.id}?oauth=connected`);
    const bound = await t.app.features.mail.get(m.id);
    expect((await t.app.store.connections.get(bound.connectionRef!))?.account).toBe('bob@example.test');
    const after = await page(jar, `${t.baseUrl}${location}`);
    expect(after.html).toMatch(/<td>alice@example\.test<\/td>\s*<td>console<\/td>/);
    expect(after.html).toMatch(/<td>bob@example\.test<\/td>\s*<td>mail<\/td>/);
    // A connection without a user that needs attention offers “Request a new token”, not a consent.
    const consoleConn = (await t.app.store.connections.list({ purpose: 'console' })).find(
      (c) => c.account === 'alice@example.test' && c.clientRef === location.split('/')[2],
    )!;
    await t.app.store.connections.setStatus(consoleConn.id, 'needs_reauth', 'test', new Date());
    const withButton = await page(jar, `${t.baseUrl}${location}`);
    expect(withButton.html).toContain(`/connections/${consoleConn.id}/regrant`);
    expect(withButton.html).not.toContain(`/connections/${consoleConn.id}/reconnect`);
    const n = google.requests.length;
    const regranted = await post(
      jar,
      `${t.baseUrl}/connections/${consoleConn.id}/regrant?return=${encodeURIComponent(location)}`,
      { _csrf: csrfFrom(withButton.html) },
    );
    expect(regranted.status).toBe(303);
    expect(google.requests.length - n).toBe(1);
    expect((await t.app.store.connections.get(consoleConn.id))!.status).toBe('active');
  });

  it('the CLI imports a key from stdin and lists it without the key; a bad file fails with the field, exit ≠ 0', async () => {
    const env = { DATA_DIR: t.dataDir, PUBLIC_BASE_URL: t.baseUrl, DEMO_PROVIDER: 'false' };
    const third = await google.createServiceAccount('cli');
    const pemLine = (JSON.parse(third.keyFile).private_key as string).split('\n')[1]!;
    const created = await cli(
      ['clients', 'create', '--provider', 'google', '--name', 'CLI SA', '--service-account-key', '-'],
      env,
      { stdin: third.keyFile, timeoutMs: 120_000 },
    );
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout).toContain(third.clientEmail);
    expect(created.stdout).toContain(third.privateKeyId);
    expect(created.stdout).toContain(`client ID ${third.clientId}`);
    expect(created.stdout + created.stderr).not.toContain(pemLine);
    const listed = await cli(['service-accounts', 'list', '--json'], env, { timeoutMs: 120_000 });
    expect(listed.code, listed.stderr).toBe(0);
    const rows = JSON.parse(listed.stdout) as { name: string; account: string; keyId: string }[];
    expect(rows.find((r) => r.name === 'CLI SA')).toMatchObject({
      account: third.clientEmail,
      keyId: third.privateKeyId,
    });
    expect(listed.stdout).not.toContain(pemLine);
    const broken = await cli(
      ['clients', 'create', '--provider', 'google', '--name', 'Broken CLI', '--service-account-key', '-'],
      env,
      {
        stdin: JSON.stringify({ ...JSON.parse(third.keyFile), token_uri: 'https://evil.example/token' }),
        timeoutMs: 120_000,
      },
    );
    expect(broken.code).not.toBe(0);
    expect(broken.stderr).toContain('token_uri');
    expect(broken.stdout + broken.stderr).not.toContain(pemLine);
  }, 300_000);
});
