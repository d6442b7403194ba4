import { randomBytes } from 'node:crypto';
import { CookieJar, consentAtProvider, request } from '../../support/browserless.ts';
import { startConsentry, type TestConsentry } from '../../support/consentry.ts';
import { freePort } from '../../support/ports.ts';
import { startDovecot, type TestDovecot } from './dovecot.ts';
import { startSmtp, type TestSmtp, userInfoSaysUser } from './smtp.ts';

/**
 * A whole Consentry with the built-in demo provider, and a real SMTP server requiring XOAUTH2
 * whose AUTH handler checks the bearer at the demo provider's UserInfo endpoint.
 */
export interface MailFixture {
  consentry: TestConsentry;
  smtp: TestSmtp;
  /** Dovecot, when asked for (`imap: true`). */
  imap: TestDovecot | undefined;
  demoClientRef: string;
  /** Walks the demo provider's screens as `login` and returns the callback's redirect. */
  connect(
    accountId: string,
    login: string,
  ): Promise<{ status: number; location: string | null; body: string }>;
  /** Walks any consent URL started with `session` through the demo provider and the callback. */
  consent(
    url: string,
    session: string,
    login: string,
  ): Promise<{ status: number; location: string | null; body: string }>;
  close(): Promise<void>;
}

export async function mailFixture(
  options: { env?: Record<string, string>; imap?: boolean } = {},
): Promise<MailFixture> {
  let userinfo = '';
  const smtp = await startSmtp({ verify: (user, token) => userInfoSaysUser(userinfo, user, token) });
  const imapPort = await freePort();
  const consentry = await startConsentry({
    env: {
      MAIL_DEMO_SMTP_URL: smtp.url,
      MAIL_DEMO_IMAP_URL: `imap://127.0.0.1:${imapPort}`,
      ...(options.env ?? {}),
    },
  });
  userinfo = `${consentry.baseUrl}/demo/me`;
  const demo = (await consentry.app.store.clients.list({ providerKey: 'demo' }))[0];
  if (!demo) throw new Error('the demo client was not registered');
  let imap: TestDovecot | undefined;
  if (options.imap) {
    // Dovecot introspects bearers as the demo client (RFC 7662 §2.1: the caller authenticates).
    const secret = (await consentry.app.store.clients.secretOf(demo.id))!;
    const base = new URL(consentry.baseUrl);
    const introspection = `http://${encodeURIComponent(demo.clientId)}:${encodeURIComponent(secret)}@${base.host}/demo/token/introspection`;
    imap = await startDovecot({ introspectionUrl: introspection, scope: 'mail', port: imapPort });
  }
  const consent: MailFixture['consent'] = async (url, session, login) => {
    const jar = new CookieJar();
    jar.set(consentry.baseUrl, 'consentry_sid', session);
    const callback = await consentAtProvider(jar, url, {
      login,
      stopPrefix: `${consentry.baseUrl}/oauth/callback`,
    });
    const res = await request(jar, callback, { headers: { accept: 'text/html' } });
    return { status: res.status, location: res.headers.get('location'), body: await res.text() };
  };
  return {
    consentry,
    smtp,
    imap,
    demoClientRef: demo.id,
    consent,
    async connect(accountId, login) {
      const session = randomBytes(32).toString('base64url');
      const url = await consentry.app.features.mail.beginConnect(accountId, { session, returnUrl: '/mail' });
      return consent(url, session, login);
    },
    async close() {
      await imap?.close();
      await consentry.close();
      await smtp.close();
    },
  };
}
