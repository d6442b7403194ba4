import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchChromium } from '../support/chromium.ts';
import { startConsentry, type TestConsentry } from '../support/consentry.ts';
import { PASSWORD } from './support/console-client.ts';

/**
 * Every console page at a phone width (375 px) and a laptop width (1280 px) in Debian's Chromium:
 * no horizontal page scroll, every row's actions inside the viewport, and axe-core finds no
 * serious or critical accessibility violation. Also: the sign-in form works from the keyboard
 * alone with a visible focus ring. With UPDATE_SCREENSHOTS=1 the README's screenshots are
 * rewritten from this run (docs/screenshots/).
 */
const SHOTS = join(import.meta.dirname, '..', '..', 'docs', 'screenshots');
const WIDTHS = [375, 1280] as const;
const PAGE_NAMES = [
  'dashboard',
  'providers',
  'provider-google',
  'register-google',
  'register-microsoft',
  'client',
  'connections',
  'inspect',
  'users',
  'apps',
  'apps-new',
  'mail',
  'mailbox',
  'sign-in-links',
  'sign-in',
  'connect-done',
  'callback-error',
  'not-found',
] as const;
/** The README's screenshots, rewritten from this run with UPDATE_SCREENSHOTS=1. */
const SCREENSHOTS: Record<string, string> = {
  'dashboard@375': 'dashboard-phone',
  'register-microsoft@375': 'register-client-phone',
  'connections@1280': 'connections',
};

describe.skipIf(!chromiumAvailable())('console layout and accessibility in Chromium', () => {
  let t: TestConsentry;
  let browser: Browser;
  let admin: BrowserContext;
  const pages: { name: (typeof PAGE_NAMES)[number]; path: string; signedIn: boolean }[] = [];

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    t = await startConsentry({
      // Mailbox rows to lay out (servers on loopback; nothing is sent in this suite).
      env: { MAIL_DEMO_SMTP_URL: 'smtp://127.0.0.1:9', MAIL_DEMO_IMAP_URL: 'imap://127.0.0.1:9' },
    });
    browser = await launchChromium();
    await t.app.console.users.create({
      email: 'admin@example.org',
      password: PASSWORD,
      permissions: ['administer_oauth', 'manage_secrets', 'connect_accounts', 'manage_users'],
    });
    await t.app.console.users.create({
      email: 'a-very-long-address-for-a-staff-member@departement-des-evenements.example.org',
      password: PASSWORD,
      permissions: ['connect_accounts'],
    });
    await t.app.authserver.applications.create({
      organization: 'Acme Events',
      name: 'Door scanner',
      ownerEmail: 'owner@example.test',
      scopes: 'participants:read',
    });
    admin = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const p = await admin.newPage();
    await p.goto(`${t.baseUrl}/sign-in`);
    await p.getByLabel('Email address').fill('admin@example.org');
    await p.getByLabel('Password').fill(PASSWORD);
    await p.getByRole('button', { name: 'Sign in' }).click();
    await p.waitForURL(`${t.baseUrl}/`);
    // Two connections through the demo provider (real flows), so tables have rows with actions.
    for (const login of ['frank', 'grace-with-a-longer-name']) {
      await p.goto(t.baseUrl);
      await p.getByRole('link', { name: 'Add (Auth Code)' }).first().click();
      // The demo provider asks to sign in and consent the first time; it remembers both after.
      for (;;) {
        await p.waitForURL((u) => u.pathname.startsWith('/demo/') || u.search.includes('oauth=connected'));
        if (p.url().includes('oauth=connected')) break;
        if (await p.locator('input[name="login"]').count()) {
          await p.locator('input[name="login"]').fill(login);
          await p.locator('input[name="password"]').fill('anything');
        }
        await p.locator('button[type="submit"]').first().click();
        await p.waitForLoadState('load');
      }
    }
    const demo = (await t.app.store.clients.list({ providerKey: 'demo' }))[0]!;
    const connection = (await t.app.store.connections.list({ clientRef: demo.id }))[0]!;
    await t.app.features.mail.createAccount({ clientRef: demo.id, address: 'frank@demo.consentry.test' });
    const mailbox = (await t.app.features.mail.list())[0]!;
    await p.close();
    pages.push(
      { name: 'dashboard', path: '/', signedIn: true },
      { name: 'providers', path: '/providers', signedIn: true },
      { name: 'provider-google', path: '/providers/google', signedIn: true },
      { name: 'register-google', path: '/providers/google/register', signedIn: true },
      { name: 'register-microsoft', path: '/providers/microsoft/register', signedIn: true },
      { name: 'client', path: `/clients/${demo.id}`, signedIn: true },
      { name: 'connections', path: `/clients/${demo.id}/connections`, signedIn: true },
      { name: 'inspect', path: `/connections/${connection.id}/inspect`, signedIn: true },
      { name: 'users', path: '/users', signedIn: true },
      { name: 'apps', path: '/apps', signedIn: true },
      { name: 'apps-new', path: '/apps/new', signedIn: true },
      { name: 'mail', path: '/mail', signedIn: true },
      { name: 'mailbox', path: `/mail/${mailbox.id}`, signedIn: true },
      { name: 'sign-in-links', path: '/account/sign-in-links', signedIn: true },
      { name: 'sign-in', path: '/sign-in', signedIn: false },
      { name: 'connect-done', path: '/connect/done?oauth=connected', signedIn: false },
      { name: 'callback-error', path: '/oauth/callback?state=unknown&code=x', signedIn: false },
      { name: 'not-found', path: '/no-such-page', signedIn: false },
    );
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function open(width: number, signedIn: boolean): Promise<Page> {
    if (!signedIn) {
      const context = await browser.newContext({ viewport: { width, height: 800 } });
      return context.newPage();
    }
    const page = await admin.newPage();
    await page.setViewportSize({ width, height: 800 });
    return page;
  }

  // One test per width and page, each with room of its own (a loaded machine is slow, not wrong).
  // axe runs once per page (at 1280 px): its rules do not depend on the width; layout is checked at both.
  for (const width of WIDTHS) {
    for (const name of PAGE_NAMES) {
      it(`${name} at ${width} px: no horizontal scroll, row actions visible${width === 1280 ? ', no serious axe violation' : ''}`, async () => {
        const { path, signedIn } = pages.find((p) => p.name === name)!;
        const problems: string[] = [];
        const page = await open(width, signedIn);
        try {
          await page.goto(`${t.baseUrl}${path}`);
          await page.waitForLoadState('load');
          const overflow = await page.evaluate(() => ({
            scroll: document.documentElement.scrollWidth,
            client: document.documentElement.clientWidth,
          }));
          if (overflow.scroll > overflow.client)
            problems.push(`page is ${overflow.scroll}px wide in a ${overflow.client}px viewport`);
          // Every action in a table row is inside the viewport (not clipped or scrolled away).
          const boxes = await page
            .locator('tr td.actions a, tr td.actions button, tr td:last-child a, tr td:last-child button')
            .evaluateAll((els) =>
              els.map((el) => {
                const r = el.getBoundingClientRect();
                return {
                  left: r.left,
                  right: r.right,
                  shown: r.width > 0 && r.height > 0,
                  text: el.textContent,
                };
              }),
            );
          for (const b of boxes) {
            if (b.shown && (b.left < 0 || b.right > width + 0.5))
              problems.push(`action “${b.text}” at x=${Math.round(b.left)}..${Math.round(b.right)}`);
          }
          if (width === 1280) {
            const axe = await new AxeBuilder({ page: page as never })
              .withTags(['wcag2a', 'wcag2aa', 'wcag21aa'])
              .analyze();
            for (const v of axe.violations) {
              if (v.impact === 'serious' || v.impact === 'critical')
                problems.push(
                  `axe ${v.id} (${v.impact}) on ${v.nodes.map((n: { target: unknown[] }) => n.target.join(' ')).join(', ')}`,
                );
            }
          }
          if (process.env.UPDATE_SCREENSHOTS === '1') {
            const shot = SCREENSHOTS[`${name}@${width}`];
            if (shot) await page.screenshot({ fullPage: true, path: join(SHOTS, `${shot}.png`) });
          }
        } finally {
          await page.close();
        }
        expect(problems).toEqual([]);
      }, 120_000);
    }
  }

  it('the sign-in form works from the keyboard alone, with a visible focus ring', async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 800 } });
    const page = await context.newPage();
    try {
      await page.goto(`${t.baseUrl}/sign-in`);
      await page.getByLabel('Email address').focus();
      await page.keyboard.type('admin@example.org');
      await page.keyboard.press('Tab');
      await page.keyboard.type(PASSWORD);
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        const style = getComputedStyle(el);
        return { tag: el.tagName, outline: style.outlineStyle, width: style.outlineWidth };
      });
      expect(focused.tag).toBe('BUTTON');
      expect(focused.outline).not.toBe('none');
      await page.keyboard.press('Enter');
      await page.waitForURL(`${t.baseUrl}/`);
    } finally {
      await context.close();
    }
  });
});
