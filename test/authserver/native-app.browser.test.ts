import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import * as client from 'openid-client';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, PASSWORD } from '../console/support/console-client.ts';
import { chromiumAvailable, launchChromium } from '../support/chromium.ts';
import { type AuthFixture, authFixture } from './fixture.ts';

/**
 * Issue 14's "done when", with real clients against the running server and a real browser:
 *   - openid-client (npm) as the CiviCRM staffer's native app: discovery of a plain OAuth server
 *     (`algorithm: 'oauth2'`), authorization code + PKCE through Chromium on a loopback redirect
 *     with a random port, the staffer's own events only, refresh with rotation, revocation;
 *   - Python Authlib (Debian's python3-authlib) as a confidential web app, the same flow, its
 *     RFC 8414 metadata validation included.
 * Sign-in and consent are the console's own pages, driven in Chromium.
 */
const PYTHON = '/usr/bin/python3';
// In CI (.ci/run installs python3-authlib) a missing interpreter is a failure, not a skip.
if (process.env.CONSENTRY_CI === '1' && !existsSync(PYTHON)) throw new Error(`${PYTHON} is required in CI`);
let f: AuthFixture;
let browser: Browser;

async function signInAndConsent(page: Page, url: string, email: string): Promise<void> {
  await page.goto(url);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Allow access?' }).waitFor();
  await page.getByText('See the participants of the events you work on').waitFor();
  await page.getByRole('button', { name: 'Allow' }).click();
}

describe.skipIf(!chromiumAvailable())('real clients through Chromium', () => {
  beforeAll(async () => {
    f = await authFixture();
    await createUser(f.consentry, 'ada@example.org', ['connect_accounts']);
    await createUser(f.consentry, 'alan@example.org', ['connect_accounts']);
    browser = await launchChromium();
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await f?.close();
  });

  it('openid-client: a public native app on a loopback redirect (random port), PKCE, refresh, revocation', async () => {
    const app = await f.createApp({
      name: 'Staff app',
      organization: 'CiviCRM Org',
      clientType: 'public',
      redirectUris: ['http://127.0.0.1/callback'],
      scopes: ['participants:read'],
    });
    // The native app's loopback listener, on a port the system picks (RFC 8252 §7.3).
    let resolveCallback!: (url: string) => void;
    const callback = new Promise<string>((r) => {
      resolveCallback = r;
    });
    const listener: Server = createServer((req, res) => {
      res.end('You can close this window.');
      resolveCallback(`http://127.0.0.1:${(listener.address() as { port: number }).port}${req.url}`);
    });
    await new Promise<void>((r) => listener.listen(0, '127.0.0.1', r));
    const redirectUri = `http://127.0.0.1:${(listener.address() as { port: number }).port}/callback`;
    try {
      const config = await client.discovery(new URL(f.baseUrl), app.clientId, undefined, client.None(), {
        algorithm: 'oauth2',
        execute: [client.allowInsecureRequests],
      });
      const verifier = client.randomPKCECodeVerifier();
      const state = client.randomState();
      const url = client.buildAuthorizationUrl(config, {
        redirect_uri: redirectUri,
        scope: 'participants:read',
        code_challenge: await client.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
        state,
      });
      const context = await browser.newContext();
      const page = await context.newPage();
      await signInAndConsent(page, url.href, 'ada@example.org');
      const tokens = await client.authorizationCodeGrant(config, new URL(await callback), {
        pkceCodeVerifier: verifier,
        expectedState: state,
      });
      await context.close();
      expect(tokens.refresh_token).toBeDefined();

      const events = await client.fetchProtectedResource(
        config,
        tokens.access_token,
        new URL(`${f.baseUrl}/api/events`),
        'GET',
      );
      expect(await events.json()).toEqual({
        events: [{ id: '1', title: 'Annual member meeting' }],
        user: 'ada@example.org',
      });
      const theirs = await client.fetchProtectedResource(
        config,
        tokens.access_token,
        new URL(`${f.baseUrl}/api/events/2/participants`),
        'GET',
      );
      expect(theirs.status).toBe(404);

      const refreshed = await client.refreshTokenGrant(config, tokens.refresh_token!);
      expect(refreshed.refresh_token).not.toBe(tokens.refresh_token);
      await client.tokenRevocation(config, refreshed.refresh_token!);
      await expect(client.refreshTokenGrant(config, refreshed.refresh_token!)).rejects.toMatchObject({
        error: 'invalid_grant',
      });
    } finally {
      listener.close();
    }
  }, 120_000);

  it.skipIf(!existsSync(PYTHON))(
    'Authlib: a confidential web app, the same flow',
    async () => {
      const app = await f.createApp({
        name: 'Web portal',
        redirectUris: ['https://portal.example.org/cb'],
        scopes: ['participants:read'],
      });
      const py = spawn(
        PYTHON,
        [
          join(import.meta.dirname, 'python', 'authlib_web_app.py'),
          f.baseUrl,
          app.clientId,
          app.clientSecret,
          'https://portal.example.org/cb',
        ],
        { stdio: ['pipe', 'pipe', 'pipe'] },
      );
      let stderr = '';
      py.stderr.on('data', (d) => {
        stderr += String(d);
      });
      const lines = createInterface({ input: py.stdout })[Symbol.asyncIterator]();
      const next = async () => {
        const r = await lines.next();
        if (r.done) throw new Error(`authlib script ended: ${stderr.slice(-2000)}`);
        return JSON.parse(r.value) as Record<string, unknown>;
      };
      try {
        const first = await next();
        expect(first.metadata_ok).toBe(true);
        const context = await browser.newContext();
        const page = await context.newPage();
        // The web app's https callback is not served here: the browser's request to it is caught.
        let callback!: (url: string) => void;
        const caught = new Promise<string>((r) => {
          callback = r;
        });
        await page.route('https://portal.example.org/**', async (route) => {
          callback(route.request().url());
          await route.fulfill({ status: 200, body: 'ok' });
        });
        await signInAndConsent(page, String(first.authorization_url), 'alan@example.org');
        py.stdin.write(`${JSON.stringify({ callback: await caught })}\n`);
        const result = await next();
        await context.close();
        expect(result).toMatchObject({
          token: { token_type: 'Bearer', scope: 'participants:read' },
          had_refresh: true,
          rotated: true,
          events: { events: [{ id: '2', title: 'Volunteer onboarding' }], user: 'alan@example.org' },
          revoked: 200,
          after_revoke: 401,
        });
      } finally {
        py.kill();
      }
    },
    120_000,
  );
});
