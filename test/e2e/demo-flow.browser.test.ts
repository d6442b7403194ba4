import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchChromium } from '../support/chromium.ts';
import { npmStart, type StartedServer } from '../support/npm-start.ts';

/**
 * The newcomer's path from the README, in a real browser against the real `npm start`:
 * home page → first-run setup (the first administrator) → Add (Auth Code) beside the demo
 * provider → sign in and consent on the demo screens → back on a page listing the new connection.
 */
describe.skipIf(!chromiumAvailable())('demo flow in Chromium', () => {
  let server: StartedServer;
  let browser: Browser;
  // One browser profile for the whole walk: the console session carries from test to test.
  let context: BrowserContext;
  beforeAll(async () => {
    server = await npmStart();
    browser = await launchChromium();
    context = await browser.newContext();
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('connects an account through the built-in demo provider', async () => {
    const page = await context.newPage();
    await page.goto(server.baseUrl);
    // A fresh install asks for the first administrator (only while no user exists).
    await page.waitForURL(`${server.baseUrl}/setup`);
    await page.getByLabel('Email address').fill('newcomer@example.org');
    await page.getByLabel('Password', { exact: true }).fill('a long enough password');
    await page.getByLabel('Repeat the password').fill('a long enough password');
    await page.getByRole('button', { name: 'Create administrator' }).click();
    await page.waitForURL(`${server.baseUrl}/`);
    await expect(page.locator('h1').first().textContent()).resolves.toContain('connections');
    await page.getByText('No connections yet').waitFor();

    await page.getByRole('link', { name: 'Add (Auth Code)' }).first().click();
    // The demo provider's sign-in screen, then its consent screen.
    await page.locator('input[name="login"]').fill('newcomer');
    await page.locator('input[name="password"]').fill('anything');
    await page.locator('button[type="submit"]').click();
    await page.locator('button[type="submit"]', { hasText: 'Continue' }).click();

    await page.waitForURL(`${server.baseUrl}/?oauth=connected`);
    await page.getByText('Connected.').waitFor();
    const row = page.locator('tr[data-connection]').first();
    const text = await row.textContent();
    expect(text).toContain('Consentry Demo');
    expect(text).toContain('newcomer@demo.consentry.test');
    expect(text).toContain('openid email profile');
    expect(text).toContain('active');
    expect(text).toMatch(/\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC/);
    await page.close();
  });

  it('deny on the demo consent screen comes back as cancelled, with nothing stored', async () => {
    // A fresh profile signed in to the console only (so the demo provider asks again).
    const fresh = await browser.newContext();
    await fresh.addCookies((await context.cookies()).filter((c) => c.name === 'consentry_sid'));
    const page = await fresh.newPage();
    await page.goto(server.baseUrl);
    const rowsBefore = await page.locator('tr[data-connection]').count();
    await page.getByRole('link', { name: 'Add (Auth Code)' }).first().click();
    // Same browser: the demo provider remembers the sign-in and asks for consent again? It asks to sign in.
    if (await page.locator('input[name="login"]').count()) {
      await page.locator('input[name="login"]').fill('denier');
      await page.locator('input[name="password"]').fill('anything');
      await page.locator('button[type="submit"]').click();
    }
    await page.getByRole('link', { name: 'Deny' }).click();
    await page.waitForURL(`${server.baseUrl}/?oauth=cancelled`);
    await page.getByText('The connection was cancelled').waitFor();
    expect(await page.locator('tr[data-connection]').count()).toBe(rowsBefore);
    await fresh.close();
  });

  it('the demo provider and health endpoint answer', async () => {
    const health = await fetch(`${server.baseUrl}/healthz`);
    expect(await health.json()).toMatchObject({ status: 'ok', database: 'sqlite' });
    const discovery = await fetch(`${server.baseUrl}/demo/.well-known/openid-configuration`);
    expect(await discovery.json()).toMatchObject({ issuer: `${server.baseUrl}/demo` });
  });
});
