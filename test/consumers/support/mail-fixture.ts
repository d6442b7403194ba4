import { randomBytes } from 'node:crypto';
import { CookieJar, consentAtProvider, request } from '../../support/browserless.ts';
import { startConsentry, type TestConsentry } from '../../support/consentry.ts';
import { startSmtp, type TestSmtp, userInfoSaysUser } from './smtp.ts';

/**
 * A whole Consentry with the built-in demo provider, and a real SMTP server requiring XOAUTH2
 * whose AUTH handler checks the bearer at the demo provider's UserInfo endpoint.
 */
export interface MailFixture {
  consentry: TestConsentry;
  smtp: TestSmtp;
  demoClientRef: string;
  /** Walks the demo provider's screens as `login` and returns the callback's redirect. */
  connect(
    accountId: string,
    login: string,
  ): Promise<{ status: number; location: string | null; body: string }>;
  close(): Promise<void>;
}

export async function mailFixture(options: { env?: Record<string, string> } = {}): Promise<MailFixture> {
  let userinfo = '';
  const smtp = await startSmtp({ verify: (user, token) => userInfoSaysUser(userinfo, user, token) });
  const consentry = await startConsentry({
    env: { MAIL_DEMO_SMTP_URL: smtp.url, ...(options.env ?? {}) },
  });
  userinfo = `${consentry.baseUrl}/demo/me`;
  const demo = (await consentry.app.store.clients.list({ providerKey: 'demo' }))[0];
  if (!demo) throw new Error('the demo client was not registered');
  return {
    consentry,
    smtp,
    demoClientRef: demo.id,
    async connect(accountId, login) {
      const jar = new CookieJar();
      const session = randomBytes(32).toString('base64url');
      jar.set(consentry.baseUrl, 'consentry_sid', session);
      const url = await consentry.app.features.mail.beginConnect(accountId, { session, returnUrl: '/mail' });
      const callback = await consentAtProvider(jar, url, {
        login,
        stopPrefix: `${consentry.baseUrl}/oauth/callback`,
      });
      const res = await request(jar, callback, { headers: { accept: 'text/html' } });
      return { status: res.status, location: res.headers.get('location'), body: await res.text() };
    },
    async close() {
      await consentry.close();
      await smtp.close();
    },
  };
}
