import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isConsentryError } from '../../src/domain/errors.ts';
import { type MailFixture, mailFixture } from './support/mail-fixture.ts';

/**
 * The mail consumer's send path against a real SMTP server requiring XOAUTH2, whose AUTH handler
 * asks the built-in demo provider (a real oidc-provider) who the bearer belongs to.
 */
let f: MailFixture;

beforeAll(async () => {
  f = await mailFixture();
});
afterAll(async () => {
  await f?.close();
});

async function connected(login = 'alice') {
  const mail = f.consentry.app.features.mail;
  const account = await mail.createAccount({
    clientRef: f.demoClientRef,
    address: `${login}@demo.consentry.test`,
  });
  const res = await f.connect(account.id, login);
  expect(res.status).toBe(303);
  expect(res.location).toBe(`/mail/${account.id}?oauth=connected`);
  const stored = await mail.get(account.id);
  expect(stored.connectionRef).toBeTruthy();
  return stored;
}

async function versionOf(connectionId: string) {
  return (await f.consentry.app.store.connections.get(connectionId))!.version;
}

async function caught(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected a rejection');
}

describe('mail over SMTP with XOAUTH2', () => {
  it('uses the demo provider’s server defaults: choosing the provider needs no server settings', async () => {
    const account = await f.consentry.app.features.mail.createAccount({
      clientRef: f.demoClientRef,
      address: '',
    });
    expect(account.smtp).toEqual({ host: '127.0.0.1', port: f.smtp.port, security: 'none' });
    expect(f.consentry.app.features.mail.defaultsFor('google')).toMatchObject({
      imap: { host: 'imap.gmail.com', port: 993, security: 'tls' },
      smtp: { host: 'smtp.gmail.com', port: 465, security: 'tls' },
    });
    expect(f.consentry.app.features.mail.defaultsFor('microsoft')).toMatchObject({
      imap: { host: 'outlook.office365.com', port: 993 },
      smtp: { host: 'smtp.office365.com', port: 587, security: 'starttls' },
    });
  });

  it('sends a message from a connected account and it arrives', async () => {
    const m = await connected('alice');
    const before = f.smtp.auths.length;
    const sent = await f.consentry.app.features.mail.send(m.id, {
      to: 'someone@example.test',
      subject: 'Hello over XOAUTH2',
      text: 'It works.',
    });
    expect(sent.accepted).toEqual(['someone@example.test']);
    const arrived = f.smtp.messages.find((x) => x.raw.includes('Subject: Hello over XOAUTH2'));
    expect(arrived).toBeDefined();
    expect(arrived!.from).toBe('alice@demo.consentry.test');
    expect(arrived!.user).toBe('alice@demo.consentry.test');
    expect(f.smtp.auths.slice(before)).toEqual([
      expect.objectContaining({ user: 'alice@demo.consentry.test', ok: true }),
    ]);
    expect((await f.consentry.app.features.mail.health(m.id)).state).toBe('ok');
  });

  it('refreshes an expired access token before sending (one refresh, one AUTH)', async () => {
    const m = await connected('carol');
    const c = await f.consentry.app.store.connections.get(m.connectionRef!);
    await f.consentry.app.database.db
      .updateTable('connections')
      .set({ expires_at: Date.now() - 60_000 })
      .where('id', '=', c!.id)
      .execute();
    const before = f.smtp.auths.length;
    await f.consentry.app.features.mail.send(m.id, {
      to: 'x@example.test',
      subject: 'after expiry',
      text: '.',
    });
    const auths = f.smtp.auths.slice(before);
    expect(auths).toHaveLength(1);
    expect(auths[0]!.ok).toBe(true);
    expect(auths[0]!.token).not.toBe(c!.accessToken);
    expect(await versionOf(c!.id)).toBe(c!.version + 1);
    expect(f.smtp.messages.some((x) => x.raw.includes('Subject: after expiry'))).toBe(true);
  });

  it('a refused token gets one forced refresh and one retry', async () => {
    const m = await connected('dave');
    const v = await versionOf(m.connectionRef!);
    const before = f.smtp.auths.length;
    f.smtp.refuseNext(1);
    await f.consentry.app.features.mail.send(m.id, {
      to: 'x@example.test',
      subject: 'second try',
      text: '.',
    });
    const auths = f.smtp.auths.slice(before);
    expect(auths.map((a) => a.ok)).toEqual([false, true]);
    expect(auths[0]!.token).not.toBe(auths[1]!.token);
    expect(await versionOf(m.connectionRef!)).toBe(v + 1);
  });

  it('a server that keeps refusing gets exactly two attempts and a clear error, never a loop', async () => {
    const m = await connected('erin');
    const v = await versionOf(m.connectionRef!);
    const before = f.smtp.auths.length;
    f.smtp.refuseAll(true);
    try {
      const e = await caught(
        f.consentry.app.features.mail.send(m.id, { to: 'x@example.test', subject: 'never', text: '.' }),
      );
      expect(isConsentryError(e, 'MAIL_AUTH_FAILED')).toBe(true);
      expect((e as Error).message).toMatch(/refused the mailbox’s access token/);
      expect(f.smtp.auths.length - before).toBe(2);
      expect(await versionOf(m.connectionRef!)).toBe(v + 1);
      const health = await f.consentry.app.features.mail.health(m.id);
      expect(health.state).toBe('error');
    } finally {
      f.smtp.refuseAll(false);
    }
  });

  it('a connection revoked by an administrator: a clear error, no AUTH attempt, no token request', async () => {
    const m = await connected('frank');
    await f.consentry.app.client.revoke(m.connectionRef!);
    const before = f.smtp.auths.length;
    const v = await versionOf(m.connectionRef!);
    for (let i = 0; i < 2; i++) {
      const e = await caught(
        f.consentry.app.features.mail.send(m.id, { to: 'x@example.test', subject: 'no', text: '.' }),
      );
      expect(isConsentryError(e, 'MAIL_RECONNECT_NEEDED')).toBe(true);
      expect((e as Error).message).toMatch(/^Reconnect your mailbox/);
    }
    expect(f.smtp.auths.length).toBe(before);
    expect(await versionOf(m.connectionRef!)).toBe(v);
    const health = await f.consentry.app.features.mail.health(m.id);
    expect(health.state).toBe('reconnect');
  });

  it('a grant revoked at the provider: one AUTH, one refresh (invalid_grant), then Reconnect — and nothing more', async () => {
    const m = await connected('gina');
    const app = f.consentry.app;
    // The user removes the app at the provider: RFC 7009 revocation of the refresh token.
    const demo = (await app.store.clients.list({ providerKey: 'demo' }))[0]!;
    const secret = (await app.store.clients.secretOf(demo.id))!;
    const refreshToken = (await app.store.connections.refreshTokenOf(m.connectionRef!))!;
    const revoked = await fetch(`${f.consentry.baseUrl}/demo/token/revocation`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${encodeURIComponent(demo.clientId)}:${encodeURIComponent(secret)}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ token: refreshToken, token_type_hint: 'refresh_token' }).toString(),
    });
    expect(revoked.status).toBe(200);

    const before = f.smtp.auths.length;
    const e = await caught(app.features.mail.send(m.id, { to: 'x@example.test', subject: 'no', text: '.' }));
    expect(isConsentryError(e, 'MAIL_RECONNECT_NEEDED')).toBe(true);
    expect(f.smtp.auths.length - before).toBe(1);
    const c = await app.store.connections.get(m.connectionRef!);
    expect(c!.status).toBe('needs_reauth');
    // The consumer heard the connection event and noted it on the account.
    await expect
      .poll(async () => (await app.features.mail.get(m.id)).healthNote)
      .toMatch(/^Reconnect your mailbox: /);

    // Asked again: refused at once, without touching the mail server.
    const again = await caught(
      app.features.mail.send(m.id, { to: 'x@example.test', subject: 'no', text: '.' }),
    );
    expect(isConsentryError(again, 'MAIL_RECONNECT_NEEDED')).toBe(true);
    expect(f.smtp.auths.length - before).toBe(1);
    expect((await app.features.mail.health(m.id)).message).toMatch(/^Reconnect your mailbox/);

    // Reconnect: a new consent replaces the connection; sending works again.
    const old = m.connectionRef!;
    const res = await f.connect(m.id, 'gina');
    expect(res.status).toBe(303);
    const after = await app.features.mail.get(m.id);
    expect(after.connectionRef).not.toBe(old);
    expect(await app.store.connections.get(old)).toBeUndefined();
    await app.features.mail.send(m.id, { to: 'x@example.test', subject: 'reconnected', text: '.' });
    expect((await app.features.mail.health(m.id)).state).toBe('ok');
  });

  it('a consent given with another account is refused and nothing is stored', async () => {
    const mail = f.consentry.app.features.mail;
    const account = await mail.createAccount({
      clientRef: f.demoClientRef,
      address: 'henry@demo.consentry.test',
    });
    const before = (await f.consentry.app.store.connections.list({ purpose: 'mail' })).length;
    const res = await f.connect(account.id, 'mallory');
    expect(res.status).toBe(400);
    expect(res.body).toContain(
      'You signed in as mallory@demo.consentry.test; this mailbox is henry@demo.consentry.test.',
    );
    expect((await f.consentry.app.store.connections.list({ purpose: 'mail' })).length).toBe(before);
    expect((await mail.get(account.id)).connectionRef).toBeUndefined();
  });

  it('refuses plain-text mail servers off loopback and unknown servers', async () => {
    const mail = f.consentry.app.features.mail;
    const e = await caught(
      mail.createAccount({
        clientRef: f.demoClientRef,
        address: 'a@demo.consentry.test',
        smtp: { host: 'smtp.example.com', port: 25, security: 'none' },
      }),
    );
    expect(isConsentryError(e, 'MAIL_SETTINGS_INVALID')).toBe(true);
    expect((e as Error).message).toMatch(/clear text/);
  });

  it('never writes an access token into a log line or an error', async () => {
    const tokens = f.smtp.auths.map((a) => a.token).filter((t) => t.length > 10);
    expect(tokens.length).toBeGreaterThan(3);
    const logs = f.consentry.logs.join('\n');
    const mailboxes = await f.consentry.app.features.mail.list();
    const errors = mailboxes.map((m) => `${m.lastError ?? ''} ${m.healthNote ?? ''}`).join('\n');
    for (const t of tokens) {
      expect(logs).not.toContain(t);
      expect(errors).not.toContain(t);
    }
  });
});
