import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchChromium } from '../support/chromium.ts';
import { dovecotAvailable } from './support/dovecot.ts';
import { type MailFixture, mailFixture } from './support/mail-fixture.ts';

/**
 * Issue 7's "done when", in Chromium against the whole app: an administrator signs in to the
 * console with the demo provider, connects a mailbox through the demo provider's screens, sends a
 * test message that arrives at the SMTP server (XOAUTH2 checked at the demo provider), and lists
 * the inbox over IMAP (Dovecot, oauth2 passdb).
 */
describe.skipIf(!chromiumAvailable() || !dovecotAvailable())(
  'console: sign in with the demo provider, then mail',
  () => {
    let f: MailFixture;
    let browser: Browser;
    let page: Page;

    beforeAll(async () => {
      f = await mailFixture({ imap: true });
      await f.consentry.app.console.users.create({
        email: 'admin@demo.consentry.test',
        password: 'a password nobody types here',
        permissions: ['administer_oauth', 'connect_accounts', 'manage_users'],
      });
      browser = await launchChromium();
      page = await browser.newPage();
    }, 60_000);
    afterAll(async () => {
      await browser?.close();
      await f?.close();
    });

    async function atDemoProvider(login: string) {
      if (await page.locator('input[name="login"]').count()) {
        await page.locator('input[name="login"]').fill(login);
        await page.locator('input[name="password"]').fill('anything');
        await page.locator('button[type="submit"]').click();
      }
      await page.locator('button[type="submit"]', { hasText: 'Continue' }).click();
    }

    it('signs in to the console (the demo provider is never offered for it)', async () => {
      const base = f.consentry.baseUrl;
      await page.goto(`${base}/mail`);
      await page.waitForURL(/\/sign-in\?next=%2Fmail$/);
      expect(await page.getByRole('link', { name: 'Sign in with Demo' }).count()).toBe(0);
      await page.locator('#email').fill('admin@demo.consentry.test');
      await page.locator('#password').fill('a password nobody types here');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL(`${base}/mail`);
      await expect(page.locator('header').textContent()).resolves.toContain('admin@demo.consentry.test');
      await page.getByRole('heading', { name: 'Mailboxes' }).waitFor();
    });

    it('connects a mailbox through the demo provider, sends a test message and lists the inbox', async () => {
      const base = f.consentry.baseUrl;
      await page.locator('#client').selectOption(f.demoClientRef);
      await page.locator('#address').fill('admin@demo.consentry.test');
      await page.getByRole('button', { name: 'Add mailbox' }).click();
      await page.getByText('Mailbox added.').waitFor();
      await page.getByRole('link', { name: 'Connect', exact: true }).click();
      await atDemoProvider('admin');
      await page.waitForURL(/\/mail\/[^/?]+\?oauth=connected$/);
      await expect(page.locator('[data-health]').getAttribute('data-health')).resolves.toBe('ok');

      await page.locator('#to').fill('friend@example.test');
      await page.locator('#subject').fill('Hello from the console');
      await page.getByRole('button', { name: 'Send test message' }).click();
      await page.getByText('Test message sent to friend@example.test.').waitFor();
      const arrived = f.smtp.messages.find((m) => m.raw.includes('Subject: Hello from the console'));
      expect(arrived?.from).toBe('admin@demo.consentry.test');
      expect(arrived?.to).toEqual(['friend@example.test']);

      f.imap!.deliver('admin', {
        from: 'Friend <friend@example.test>',
        to: 'admin@demo.consentry.test',
        subject: 'A reply in the inbox',
      });
      await page.getByRole('button', { name: 'List the newest messages' }).click();
      const row = page.locator('table.inbox tbody tr').first();
      await row.waitFor();
      await expect(row.textContent()).resolves.toContain('A reply in the inbox');
      await expect(row.textContent()).resolves.toContain('friend@example.test');

      await page.goto(`${base}/mail`);
      const listed = page.locator('tr[data-mailbox]').first();
      await expect(listed.textContent()).resolves.toContain('admin@demo.consentry.test');
      await expect(listed.locator('[data-health]').getAttribute('data-health')).resolves.toBe('ok');
    });

    it('a revoked connection shows Reconnect, and reconnecting makes it healthy again', async () => {
      const base = f.consentry.baseUrl;
      const [m] = await f.consentry.app.features.mail.list();
      await f.consentry.app.client.revoke(m!.connectionRef!);
      await page.goto(`${base}/mail/${m!.id}`);
      await expect(page.locator('[data-health]').textContent()).resolves.toMatch(/^Reconnect your mailbox/);
      await page.getByRole('button', { name: 'Send test message' }).click();
      await page
        .getByText(/Reconnect your mailbox: the provider no longer accepts its authorization\./)
        .first()
        .waitFor();
      await page.getByRole('link', { name: 'Reconnect', exact: true }).click();
      await atDemoProvider('admin');
      await page.waitForURL(/\?oauth=connected$/);
      await expect(page.locator('[data-health]').getAttribute('data-health')).resolves.toBe('ok');
    });
  },
);
