import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { generateKeyPair, SignJWT } from 'jose';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchChromium } from '../support/chromium.ts';
import { startConsentry, type TestConsentry } from '../support/consentry.ts';
import { freePort } from '../support/ports.ts';
import { createUser, PASSWORD } from './support/console-client.ts';

/**
 * The console in Debian's Chromium: first-run setup, register a client for the demo provider
 * (the demo accepts what you register, like a real provider's console), Add (Auth Code) through
 * the demo screens, the connection listed, Inspect (JWT claims for an administrator, 403 for a
 * user without manage_secrets), Revoke, a CSRF-less POST refused, and the HTTP warning when
 * PUBLIC_BASE_URL is plain http on a non-localhost host. Screenshots go to docs/screenshots/ with UPDATE_SCREENSHOTS=1.
 */
const SHOTS = join(import.meta.dirname, '..', '..', 'docs', 'screenshots');

describe.skipIf(!chromiumAvailable())('admin console in Chromium', () => {
  let t: TestConsentry;
  let browser: Browser;
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    t = await startConsentry();
    // consentry.internal → loopback, for the instance whose base URL is a non-localhost http URL.
    browser = await launchChromium(['--host-resolver-rules=MAP consentry.internal 127.0.0.1']);
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  // Screenshots are rendered every run (a broken page fails here) but written to docs/ only on
  // request (`UPDATE_SCREENSHOTS=1 npx vitest run test/console`), so test runs leave the tree clean.
  const shot = (page: Page, name: string) =>
    page.screenshot({
      fullPage: true,
      ...(process.env.UPDATE_SCREENSHOTS === '1' ? { path: join(SHOTS, `${name}.png`) } : {}),
    });

  it('setup → register a demo client → Add (Auth Code) → inspect → revoke', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    page.on('dialog', (d) => void d.accept());
    await page.goto(t.baseUrl);
    await page.waitForURL(`${t.baseUrl}/setup`);
    await shot(page, 'setup');
    await page.getByLabel('Email address').fill('admin@example.org');
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByLabel('Repeat the password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Create administrator' }).click();
    await page.getByText('Welcome, admin@example.org').waitFor();
    await page.getByText('No connections yet').waitFor();

    await page.getByRole('link', { name: 'Providers' }).click();
    await page.getByRole('searchbox').fill('demo');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.locator('tr[data-provider="demo"]').getByRole('link', { name: 'Register client' }).click();
    expect(await page.locator('#redirect-url').inputValue()).toBe(`${t.baseUrl}/oauth/callback`);
    expect(await page.locator('#insecure-redirect').count()).toBe(0);
    await shot(page, 'register-client');
    await page.getByLabel('Name (its purpose)').fill('Sign-in');
    await page.getByLabel('Client ID').fill('my-demo-app');
    await page.getByLabel('Client Secret').fill('my-demo-app-secret-4711');
    await page.getByRole('button', { name: 'Save client' }).click();
    await page.getByText('Saved the Consentry Demo (built in) client “Sign-in”').waitFor();
    expect(await page.content()).not.toContain('my-demo-app-secret-4711');
    await page.getByText('No connections yet').waitFor();

    // Add (Auth Code) with the client just registered: the demo provider's sign-in and consent.
    await page.getByRole('link', { name: 'Add (Auth Code)' }).first().click();
    await page.locator('input[name="login"]').fill('frank');
    await page.locator('input[name="password"]').fill('anything');
    await page.locator('button[type="submit"]').click();
    await page.locator('button[type="submit"]', { hasText: 'Continue' }).click();
    await page.waitForURL(/\/clients\/[^/]+\/connections\?oauth=connected$/);
    await page.getByText('Connected.').waitFor();
    const row = page.locator('tr[data-connection]').first();
    expect(await row.textContent()).toContain('frank@demo.consentry.test');
    expect(await row.textContent()).toContain('openid email profile');
    expect(await row.textContent()).toContain('active');
    const connectionId = (await row.getAttribute('data-connection'))!;
    const connection = (await t.app.store.connections.get(connectionId))!;
    expect((await t.app.store.clients.get(connection.clientRef))!.name).toBe('Sign-in');

    // A connection whose access token is a JWT (as Microsoft issues): Inspect decodes it.
    const { privateKey } = await generateKeyPair('RS256');
    const jwt = await new SignJWT({ scp: 'Mail.Read', name: 'Dana Example', tid: 'contoso' })
      .setProtectedHeader({ alg: 'RS256', kid: 'demo-kid', typ: 'JWT' })
      .setIssuer('https://login.microsoftonline.com/contoso/v2.0')
      .setAudience('https://graph.microsoft.com')
      .setSubject('dana')
      .setExpirationTime('1h')
      .sign(privateKey);
    const jwtConnection = await t.app.store.connections.insert(
      {
        clientRef: connection.clientRef,
        providerKey: 'demo',
        purpose: 'console',
        payload: {},
        account: 'dana@example.org',
        subject: 'dana',
        issuer: undefined,
        accessToken: jwt,
        refreshToken: undefined,
        tokenType: 'Bearer',
        scopes: ['Mail.Read'],
        expiresAt: new Date(Date.now() + 3600_000),
      },
      new Date(),
    );
    await page.reload();
    await shot(page, 'connections');
    await page
      .locator(`tr[data-connection="${jwtConnection.id}"]`)
      .getByRole('link', { name: 'Inspect' })
      .click();
    await page.getByRole('heading', { name: /JWT claims/ }).waitFor();
    expect(await page.locator('#jwt-claims').textContent()).toContain('"aud": "https://graph.microsoft.com"');
    expect(await page.locator('#jwt-header').textContent()).toContain('"kid": "demo-kid"');
    expect(await page.content()).toContain('NOT VERIFIED');
    await shot(page, 'inspect');

    // A CSRF-less POST from the page itself is refused; nothing changes.
    const status = await page.evaluate(
      async (id) =>
        (
          await fetch(`/connections/${id}/delete`, {
            method: 'POST',
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
            body: 'x=1',
          })
        ).status,
      connectionId,
    );
    expect(status).toBe(400);
    expect(await t.app.store.connections.get(connectionId)).toBeDefined();

    // Revoke (confirm dialog accepted): at the demo provider, then here.
    await page.goto(`${t.baseUrl}/clients/${connection.clientRef}/connections`);
    await page
      .locator(`tr[data-connection="${connectionId}"]`)
      .getByRole('button', { name: 'Revoke' })
      .click();
    await page.getByText('Revoked at the provider').waitFor();
    expect(await page.locator(`tr[data-connection="${connectionId}"]`).textContent()).toContain('revoked');
    expect((await t.app.store.connections.get(connectionId))!.status).toBe('revoked');

    // The dashboard on a phone-sized screen.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(t.baseUrl);
    await shot(page, 'dashboard-phone');
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${t.baseUrl}/providers`);
    await shot(page, 'providers');
    await context.close();

    // A user without manage_secrets: 403 on Inspect, no Inspect button.
    await createUser(t, 'viewer@example.org', ['connect_accounts']);
    const other = await browser.newContext();
    const p2 = await other.newPage();
    await p2.goto(`${t.baseUrl}/connections/${jwtConnection.id}/inspect`);
    await p2.waitForURL(/\/sign-in/);
    await p2.getByLabel('Email address').fill('viewer@example.org');
    await p2.getByLabel('Password').fill(PASSWORD);
    const [response] = await Promise.all([
      p2.waitForResponse((r) => r.url().endsWith('/inspect')),
      p2.getByRole('button', { name: 'Sign in' }).click(),
    ]);
    expect(response.status()).toBe(403);
    expect(await p2.content()).not.toContain(jwt);
    await other.close();
  }, 120_000);

  it('shows the HTTP warning when PUBLIC_BASE_URL is plain http on a non-localhost host', async () => {
    const port = await freePort();
    const insecure = await startConsentry({
      env: { PORT: String(port), PUBLIC_BASE_URL: `http://consentry.internal:${port}` },
    });
    try {
      await insecure.app.console.users.create({
        email: 'admin@example.org',
        password: PASSWORD,
        permissions: ['administer_oauth', 'manage_secrets', 'connect_accounts', 'manage_users'],
      });
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.goto(`http://consentry.internal:${port}/providers/google/register`);
      await page.waitForURL(/\/sign-in/);
      await page.getByLabel('Email address').fill('admin@example.org');
      await page.getByLabel('Password').fill(PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.locator('#insecure-redirect').waitFor();
      const warning = (await page.locator('#insecure-redirect').textContent())!;
      expect(warning).toContain('Providers will refuse this Redirect URL');
      expect(warning).toContain('HTTPS');
      expect(warning).toContain('localhost URL');
      expect(warning).toContain('intermediate redirect');
      expect(await page.locator('#redirect-url').inputValue()).toBe(
        `http://consentry.internal:${port}/oauth/callback`,
      );
      await shot(page, 'register-client-http-warning');
      await context.close();
    } finally {
      await insecure.close();
    }
  }, 60_000);
});
