import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listNewestWithBearer } from '../../src/consumers/mail/imap.ts';
import { isConsentryError } from '../../src/domain/errors.ts';
import { dovecotAvailable } from './support/dovecot.ts';
import { type MailFixture, mailFixture } from './support/mail-fixture.ts';

/**
 * The mail consumer's read path against Debian's Dovecot, whose oauth2 passdb asks the built-in
 * demo provider (RFC 7662 introspection) whether the bearer is active, whose it is, and whether
 * it carries the `mail` scope.
 */
let f: MailFixture;

const available = dovecotAvailable();

beforeAll(async () => {
  if (available) f = await mailFixture({ imap: true });
});
afterAll(async () => {
  await f?.close();
});

async function connected(login: string) {
  const mail = f.consentry.app.features.mail;
  const account = await mail.createAccount({
    clientRef: f.demoClientRef,
    address: `${login}@demo.consentry.test`,
  });
  const res = await f.connect(account.id, login);
  expect(res.status).toBe(303);
  return mail.get(account.id);
}

describe.skipIf(!available)('mail over IMAP (Dovecot, oauth2 passdb)', () => {
  it('lists the newest messages of the inbox with the access token, newest first', async () => {
    const m = await connected('ivy');
    expect(m.imap).toEqual({ host: '127.0.0.1', port: f.imap!.port, security: 'none' });
    const t0 = Date.UTC(2026, 0, 1);
    for (let i = 1; i <= 12; i++) {
      f.imap!.deliver('ivy', {
        from: `Sender ${i} <sender${i}@example.test>`,
        to: 'ivy@demo.consentry.test',
        subject: `Message ${i}`,
        date: new Date(t0 + i * 60_000),
      });
    }
    const newest = await f.consentry.app.features.mail.listNewest(m.id, { limit: 5 });
    expect(newest.map((x) => x.subject)).toEqual([
      'Message 12',
      'Message 11',
      'Message 10',
      'Message 9',
      'Message 8',
    ]);
    expect(newest[0]!.from).toBe('Sender 12 <sender12@example.test>');
    expect(newest[0]!.date?.toISOString()).toBe(new Date(t0 + 12 * 60_000).toISOString());
  });

  it('an inbox with one message lists it', async () => {
    const m = await connected('jack');
    f.imap!.deliver('jack', { from: 'a@example.test', to: 'jack@demo.consentry.test', subject: 'only one' });
    expect((await f.consentry.app.features.mail.listNewest(m.id)).map((x) => x.subject)).toEqual([
      'only one',
    ]);
  });

  it('Dovecot really checks the bearer: a wrong token, another user’s token and a token without the mail scope are refused', async () => {
    const app = f.consentry.app;
    const m = await connected('max');
    f.imap!.deliver('max', { from: 'a@example.test', to: 'max@demo.consentry.test', subject: 'for max' });
    const token = (await app.client.ensureFresh(m.connectionRef!)).accessToken;
    // The same person's token from a sign-in style consent (openid email profile, no `mail`).
    const session = randomBytes(32).toString('base64url');
    const url = await app.client.beginConsent({
      client: f.demoClientRef,
      preset: 'login',
      purpose: 'console',
      returnUrl: '/',
      session,
    });
    expect((await f.consent(url, session, 'max')).status).toBe(303);
    const loginConnection = (await app.store.connections.list({ purpose: 'console' })).find(
      (c) => c.account === 'max@demo.consentry.test',
    )!;
    expect(loginConnection.scopes).not.toContain('mail');

    const server = { host: '127.0.0.1', port: f.imap!.port, security: 'none' as const };
    const attempt = (user: string, accessToken: string) =>
      listNewestWithBearer({
        server,
        target: { address: server.host, servername: undefined },
        user,
        accessToken,
        limit: 1,
        timeoutMs: 5_000,
      }).then(
        (list) => `ok ${list.map((x) => x.subject).join()}`,
        (e: { authenticationFailed?: boolean }) =>
          e.authenticationFailed ? 'refused' : `error ${String(e)}`,
      );
    expect(await attempt('max@demo.consentry.test', token)).toBe('ok for max');
    expect(await attempt('max@demo.consentry.test', `${token}x`)).toBe('refused');
    expect(await attempt('ivy@demo.consentry.test', token)).toBe('refused');
    expect(await attempt('max@demo.consentry.test', loginConnection.accessToken)).toBe('refused');
  });

  it('an expired token is refreshed before the poll; a refused one gets one forced refresh and one retry', async () => {
    const m = await connected('kim');
    f.imap!.deliver('kim', { from: 'a@example.test', to: 'kim@demo.consentry.test', subject: 'for kim' });
    const app = f.consentry.app;
    const v0 = (await app.store.connections.get(m.connectionRef!))!.version;
    await app.database.db
      .updateTable('connections')
      .set({ expires_at: Date.now() - 1_000 })
      .where('id', '=', m.connectionRef!)
      .execute();
    expect((await app.features.mail.listNewest(m.id)).map((x) => x.subject)).toEqual(['for kim']);
    expect((await app.store.connections.get(m.connectionRef!))!.version).toBe(v0 + 1);

    // The stored access token is revoked at the provider (the refresh token still works): Dovecot
    // refuses it, Consentry refreshes once and the retry succeeds.
    const demo = (await app.store.clients.list({ providerKey: 'demo' }))[0]!;
    const secret = (await app.store.clients.secretOf(demo.id))!;
    const stale = (await app.store.connections.get(m.connectionRef!))!.accessToken;
    const revoked = await fetch(`${f.consentry.baseUrl}/demo/token/revocation`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${encodeURIComponent(demo.clientId)}:${encodeURIComponent(secret)}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ token: stale, token_type_hint: 'access_token' }).toString(),
    });
    expect(revoked.status).toBe(200);
    expect((await app.features.mail.listNewest(m.id)).map((x) => x.subject)).toEqual(['for kim']);
    expect((await app.store.connections.get(m.connectionRef!))!.version).toBe(v0 + 2);
  });

  it('a revoked connection gives Reconnect, without an IMAP attempt', async () => {
    const m = await connected('lena');
    await f.consentry.app.client.revoke(m.connectionRef!);
    const e = await f.consentry.app.features.mail.listNewest(m.id).catch((x: unknown) => x);
    expect(isConsentryError(e, 'MAIL_RECONNECT_NEEDED')).toBe(true);
    expect(f.imap!.log()).not.toContain('lena@demo.consentry.test');
  });
});
