import type { Browser } from 'playwright-core';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectionEvent, OAuth2Consumer } from '../../src/core/consumers.ts';
import { CookieJar, consentAtProvider } from '../support/browserless.ts';
import { chromiumAvailable, launchChromium } from '../support/chromium.ts';
import { startConsentry, type TestConsentry } from '../support/consentry.ts';

/**
 * Reconnect outreach end to end (issue 11): a connection made through the built-in demo provider
 * loses its grant (the provider forgets its refresh tokens), ends in `needs_reauth`, and the
 * feature — which opted in — has its user emailed a reconnect link through a real SMTP server
 * (smtp-server). Opening the link in Chromium runs consent at the demo provider and brings the
 * SAME connection id back to `active`; the used link, an expired one and a tampered one are refused.
 */
interface Mail {
  to: string[];
  raw: string;
}
const mails: Mail[] = [];
let smtp: SMTPServer;
let c: TestConsentry;
let browser: Browser;
const events: ConnectionEvent[] = [];
const SESSION = 'outreach-session-0123456789abcdef0123456789abcdef';

const consumer: OAuth2Consumer = {
  purpose: 'calendar_sync',
  onTokenGranted: () => '/reconnect/done',
  reconnectOutreach: { recipient: () => 'pat@example.org' },
};

/** Quoted-printable soft breaks and escapes (nodemailer's text/plain). */
function bodyOf(raw: string): string {
  const body = raw.split('\r\n\r\n').slice(1).join('\r\n\r\n');
  return body
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
}

async function waitFor<T>(what: () => T | undefined, ms = 20_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = what();
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe.skipIf(!chromiumAvailable())('reconnect outreach through email and Chromium', () => {
  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, callback) {
        let raw = '';
        stream.on('data', (b: Buffer) => {
          raw += b.toString('utf8');
        });
        stream.on('end', () => {
          mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
          callback();
        });
      },
    });
    await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', () => r()));
    const port = (smtp.server.address() as { port: number }).port;
    c = await startConsentry({
      env: { SMTP_URL: `smtp://127.0.0.1:${port}`, BACKGROUND_REFRESH: 'false' },
      consumers: [consumer],
    });
    c.app.client.events.on('connection', (e) => events.push(e));
    browser = await launchChromium();
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await c?.close();
    await new Promise<void>((r) => smtp.close(() => r()));
  });

  it('the link arrives by email and brings the same connection back to active', async () => {
    const consentUrl = await c.app.client.beginConsent({
      provider: 'demo',
      preset: 'calendar',
      purpose: 'calendar_sync',
      payload: { accountId: 42 },
      returnUrl: '/reconnect/done',
      session: SESSION,
    });
    const callback = await consentAtProvider(new CookieJar(), consentUrl, {
      stopPrefix: `${c.baseUrl}/oauth/callback`,
      login: 'pat',
    });
    await c.app.client.handleCallback(callback, SESSION);
    const [connection] = await c.app.store.connections.list({ purpose: 'calendar_sync' });
    const id = connection!.id;

    // The provider forgets every refresh token it issued: the next refresh is a real invalid_grant.
    await c.app.database.db.deleteFrom('demo_oidc_models').where('model', '=', 'RefreshToken').execute();
    await expect(c.app.client.refresh(id)).rejects.toMatchObject({ code: 'CONNECTION_NEEDS_REAUTH' });
    expect((await c.app.store.connections.get(id))!.status).toBe('needs_reauth');

    const mail = await waitFor(() => mails.find((m) => m.to.includes('pat@example.org')));
    const link = /(http:\/\/127\.0\.0\.1:\d+\/reconnect\/[A-Za-z0-9_-]{43}\.[A-Za-z0-9_-]{43})/.exec(
      bodyOf(mail.raw),
    )?.[1];
    expect(link).toBeDefined();
    // The event follows the SMTP server's acceptance (the mail may be here first).
    await waitFor(() =>
      events.some((e) => e.type === 'outreach_created' && e.connectionId === id) ? true : undefined,
    );
    expect(events.filter((e) => e.type === 'outreach_created' && e.connectionId === id)).toHaveLength(1);
    expect((await c.app.outreach.list()).find((o) => o.connectionRef === id)?.state).toBe('pending');

    const page = await (await browser.newContext()).newPage();
    await page.goto(link!);
    await page.getByRole('button', { name: /Continue to Consentry Demo/ }).click();
    await page.locator('input[name="login"]').fill('pat');
    await page.locator('input[name="password"]').fill('anything');
    await page.locator('button[type="submit"]').click();
    await page.locator('button[type="submit"]', { hasText: 'Continue' }).click();
    await page.waitForURL(`${c.baseUrl}/reconnect/done`);
    await expect(page.locator('#outcome').textContent()).resolves.toContain('connected again');

    const after = (await c.app.store.connections.get(id))!;
    expect(after.status).toBe('active');
    expect(after.health).toBeUndefined();
    expect(after.payload).toEqual({ accountId: 42 });
    expect(await c.app.store.connections.list({ purpose: 'calendar_sync' })).toHaveLength(1);
    // It refreshes again with the new grant.
    expect((await c.app.client.refreshConnection(id)).refreshedHere).toBe(true);
    await waitFor(() =>
      events.some((e) => e.type === 'reconnected' && e.connectionId === id) ? true : undefined,
    );
    // The console lists the link as used, then completed once the connection is active again.
    let state: string | undefined;
    for (let i = 0; i < 100 && state !== 'completed'; i++) {
      state = (await c.app.outreach.list()).find((o) => o.connectionRef === id)?.state;
      if (state !== 'completed') await new Promise((r) => setTimeout(r, 50));
    }
    expect(state).toBe('completed');

    // The used link is refused.
    const again = await page.goto(link!);
    expect(again?.status()).toBe(410);
    await expect(page.locator('h1').textContent()).resolves.toContain('cannot be used');
    await page.close();
    // The link is a credential: no log line carries it (access logs cut the path).
    expect(c.logs.join('\n')).not.toContain(link!.split('/reconnect/')[1]!.split('.')[0]!);
  });

  it('an expired link and a tampered link are refused', async () => {
    const [connection] = await c.app.store.connections.list({ purpose: 'calendar_sync' });
    const expired = await c.app.outreach.send(connection!.id);
    await c.app.database.db
      .updateTable('reconnect_outreach')
      .set({ expires_at: Date.now() - 1000 })
      .where('id', '=', expired.id)
      .execute();
    expect((await fetch(expired.url)).status).toBe(410);
    expect((await fetch(expired.url, { method: 'POST' })).status).toBe(410);

    const fresh = await c.app.outreach.send(connection!.id);
    // A character inside the signature: every one of its 6 bits is data (the last character of a
    // 32-byte base64url value also carries 2 unused bits, so A→B there can decode to the same bytes).
    const at = fresh.url.length - 8;
    const tampered = `${fresh.url.slice(0, at)}${fresh.url[at] === 'A' ? 'B' : 'A'}${fresh.url.slice(at + 1)}`;
    expect((await fetch(tampered)).status).toBe(410);
    const ok = await fetch(fresh.url);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain('Reconnect your Consentry Demo (built in) account');
  });
});
