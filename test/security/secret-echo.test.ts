import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { derivedForms } from '../../src/domain/redact.ts';
import { cli } from '../cli/support.ts';
import { createUser, csrfFrom, page, signIn } from '../console/support/console-client.ts';
import { consentAtProvider, request } from '../support/browserless.ts';
import { startConsentry, type TestConsentry } from '../support/consentry.ts';

/**
 * Issue 10, finding 4: a mail server that echoes the base64 XOAUTH2 line
 * (`535 5.7.8 rejected dXNlcj1…`) put `auth=Bearer <token>` into the flash message, the mailbox
 * page (seen by users without "manage secrets") and `mailboxes.last_error`. Here a real SMTP
 * server (smtp-server) does exactly that; every token it was sent is a sentinel, searched for in
 * every output — raw, base64 at each alignment, base64url, and the XOAUTH2 line itself.
 */
const xoauth2 = (user: string, token: string) =>
  Buffer.from(`user=${user}\x01auth=Bearer ${token}\x01\x01`).toString('base64');

describe('a mail server echoing the XOAUTH2 line leaks no token (finding 4)', () => {
  let c: TestConsentry;
  let smtp: SMTPServer;
  const sent: { user: string; token: string }[] = [];
  beforeAll(async () => {
    smtp = new SMTPServer({
      secure: false,
      disabledCommands: ['STARTTLS'],
      allowInsecureAuth: true,
      authMethods: ['XOAUTH2'],
      logger: false,
      onAuth(auth, _session, callback) {
        const user = auth.username ?? '';
        const token = auth.accessToken ?? '';
        sent.push({ user, token });
        callback(Object.assign(new Error(`5.7.8 rejected ${xoauth2(user, token)}`), { responseCode: 535 }));
      },
    });
    smtp.on('error', () => {});
    await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', r));
    const port = (smtp.server.address() as { port: number }).port;
    // IMAP is never used here; both are needed for the demo to be offered for mailboxes.
    c = await startConsentry({
      env: { MAIL_DEMO_SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_DEMO_IMAP_URL: 'imap://127.0.0.1:1' },
    });
  });
  afterAll(async () => {
    await c?.close();
    await new Promise<void>((r) => smtp.close(() => r()));
  });

  it('flash, pages, stored last_error, logs and CLI output hold no form of any token', async () => {
    // A user who may connect accounts but not manage secrets.
    await createUser(c, 'finn@example.org', ['connect_accounts']);
    const jar = await signIn(c, 'finn@example.org');
    const list = await page(jar, `${c.baseUrl}/mail`);
    const demo = (await c.app.store.clients.list({ providerKey: 'demo' }))[0]!;
    const added = await request(jar, `${c.baseUrl}/mail`, {
      method: 'POST',
      body: new URLSearchParams({
        _csrf: csrfFrom(list.html),
        client: demo.id,
        address: 'finn@demo.consentry.test',
      }),
    });
    expect(added.status).toBe(303);
    const accountPath = added.headers.get('location')!;
    const accountId = accountPath.split('/').pop()!;

    // Connect through the demo provider in the signed-in browser session.
    const session = jar.get(c.baseUrl, 'consentry_sid')!;
    const url = await c.app.features.mail.beginConnect(accountId, { session, returnUrl: accountPath });
    const callback = await consentAtProvider(jar, url, {
      login: 'finn',
      stopPrefix: `${c.baseUrl}/oauth/callback`,
    });
    expect((await request(jar, callback)).status).toBe(303);

    // Send a test message: the server refuses (twice: one forced refresh, one retry) and echoes.
    const account = await page(jar, `${c.baseUrl}${accountPath}`);
    const send = await request(jar, `${c.baseUrl}${accountPath}/send`, {
      method: 'POST',
      body: new URLSearchParams({ _csrf: csrfFrom(account.html), to: 'someone@example.org' }),
    });
    expect(send.status).toBe(303);
    expect(sent.length).toBe(2);
    const flashCookie = send.headers.getSetCookie().find((l) => l.startsWith('consentry_flash='))!;
    const flash = Buffer.from(
      decodeURIComponent(flashCookie.split(';')[0]!.split('=')[1]!),
      'base64url',
    ).toString();
    const shown = await page(jar, `${c.baseUrl}${accountPath}`);
    const listed = await page(jar, `${c.baseUrl}/mail`);
    expect(shown.html).toContain('5.7.8 rejected [redacted]');
    expect(flash).toContain('5.7.8 rejected [redacted]');

    const [row] = await c.app.database.db.selectFrom('mailboxes').select('last_error').execute();
    expect(row?.last_error).toContain('rejected [redacted]');

    const env = {
      DATA_DIR: c.dataDir,
      PUBLIC_BASE_URL: c.baseUrl,
      EGRESS_ALLOW: '127.0.0.0/8',
    };
    const cliList = await cli(['mailboxes', 'list', '--json'], env);
    const cliShow = await cli(['mailboxes', 'list'], env);
    expect(cliList.code).toBe(0);
    expect(cliList.stdout).toContain('[redacted]');

    const outputs = {
      flash,
      accountPage: shown.html,
      listPage: listed.html,
      lastError: row?.last_error ?? '',
      logs: c.logs.join(''),
      cli: cliList.stdout + cliList.stderr + cliShow.stdout + cliShow.stderr,
    };
    const secret = (await c.app.store.clients.secretOf(demo.id))!;
    const sentinels = [...new Set([...sent.map((s) => s.token), secret])];
    expect(sentinels.length).toBe(3);
    for (const [where, text] of Object.entries(outputs)) {
      for (const s of sentinels) {
        for (const form of [
          ...derivedForms(s),
          Buffer.from(s).toString('base64'),
          Buffer.from(s).toString('base64url'),
        ]) {
          expect(text.includes(form), `${where} holds a form of a sentinel`).toBe(false);
        }
      }
      for (const { user, token } of sent) expect(text).not.toContain(xoauth2(user, token).slice(0, 40));
      expect(text).not.toMatch(/auth=Bearer [^[]/);
    }
  }, 180_000);
});
