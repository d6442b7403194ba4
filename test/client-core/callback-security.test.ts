import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CookieJar, consentAtProvider, request } from '../support/browserless.ts';
import { type CoreFixture, coreFixture } from './fixture.ts';

/**
 * SECURITY.md, "Callback": each bad input gets a clear error, no token request is sent, nothing is
 * stored, and the flow is consumed where one was found.
 */
let f: CoreFixture;
beforeAll(async () => {
  f = await coreFixture();
});
afterAll(async () => f.close());

let tokenRequestsBefore = 0;
let connectionsBefore = 0;
beforeEach(async () => {
  tokenRequestsBefore = f.remote.counts.authorization_code;
  connectionsBefore = await f.connectionCount();
});

async function pendingFlows(): Promise<number> {
  return (await f.consentry.app.database.db.selectFrom('flows').select('state_hash').execute()).length;
}

async function expectRefused(callback: string, code: string, session = f.session): Promise<void> {
  await expect(f.consentry.app.client.handleCallback(callback, session)).rejects.toMatchObject({ code });
  expect(f.remote.counts.authorization_code).toBe(tokenRequestsBefore);
  expect(await f.connectionCount()).toBe(connectionsBefore);
}

async function begin(returnUrl = '/feature/edit?id=7'): Promise<string> {
  return f.consentry.app.client.beginConsent({
    client: f.clientRef,
    preset: 'login',
    purpose: 'test_feature',
    payload: { accountId: 1 },
    returnUrl,
    session: f.session,
  });
}

/** A real callback URL (with a real code) for a fresh flow. */
async function callbackUrl(options: { deny?: boolean } = {}): Promise<string> {
  return consentAtProvider(new CookieJar(), await begin(), {
    stopPrefix: `${f.consentry.baseUrl}/oauth/callback`,
    ...(options.deny ? { deny: true } : {}),
  });
}

function withParam(
  url: string,
  name: string,
  value: string,
  mode: 'set' | 'append' | 'delete' = 'set',
): string {
  const u = new URL(url);
  if (mode === 'append') u.searchParams.append(name, value);
  else if (mode === 'delete') u.searchParams.delete(name);
  else u.searchParams.set(name, value);
  return u.href;
}

describe('callback: bad input is refused before any token request', () => {
  it('missing state', async () => {
    const cb = await callbackUrl();
    await expectRefused(withParam(cb, 'state', '', 'delete'), 'CALLBACK_PARAMETER_MISSING');
  });

  it('unknown state', async () => {
    const cb = await callbackUrl();
    await expectRefused(withParam(cb, 'state', 'x'.repeat(43)), 'FLOW_UNKNOWN');
  });

  it('expired state: refused and consumed', async () => {
    const cb = await callbackUrl();
    await f.consentry.app.database.db
      .updateTable('flows')
      .set({ expires_at: Date.now() - 1 })
      .execute();
    await expectRefused(cb, 'FLOW_EXPIRED');
    await expectRefused(cb, 'FLOW_UNKNOWN');
  });

  it('state already used (replay)', async () => {
    const cb = await callbackUrl();
    await f.consentry.app.client.handleCallback(cb, f.session);
    tokenRequestsBefore = f.remote.counts.authorization_code;
    connectionsBefore = await f.connectionCount();
    await expectRefused(cb, 'FLOW_UNKNOWN');
  });

  it('state from another browser session: refused and consumed', async () => {
    const cb = await callbackUrl();
    await expectRefused(cb, 'FLOW_SESSION_MISMATCH', 'another-session-0123456789abcdef0123456789');
    await expectRefused(cb, 'FLOW_UNKNOWN');
    const noCookie = await callbackUrl();
    await expect(f.consentry.app.client.handleCallback(noCookie, undefined)).rejects.toMatchObject({
      code: 'FLOW_SESSION_MISMATCH',
    });
  });

  it('two callbacks with the same state at the same moment: exactly one succeeds', async () => {
    const cb = await callbackUrl();
    const results = await Promise.allSettled([
      f.consentry.app.client.handleCallback(cb, f.session),
      f.consentry.app.client.handleCallback(cb, f.session),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason).toMatchObject({ code: 'FLOW_UNKNOWN' });
    expect(f.remote.counts.authorization_code).toBe(tokenRequestsBefore + 1);
    expect(await f.connectionCount()).toBe(connectionsBefore + 1);
  });

  it.each(['code', 'iss'])('duplicated %s: refused and the flow consumed', async (name) => {
    const cb = await callbackUrl();
    const value = new URL(cb).searchParams.get(name)!;
    await expectRefused(withParam(cb, name, value, 'append'), 'CALLBACK_PARAMETER_DUPLICATED');
    await expectRefused(cb, 'FLOW_UNKNOWN');
  });

  it('duplicated state: refused', async () => {
    const cb = await callbackUrl();
    const state = new URL(cb).searchParams.get('state')!;
    await expectRefused(withParam(cb, 'state', state, 'append'), 'CALLBACK_PARAMETER_DUPLICATED');
  });

  it('iss different from the expected issuer (mix-up, RFC 9207 §2.4)', async () => {
    const cb = await callbackUrl();
    await expectRefused(withParam(cb, 'iss', 'https://attacker.example'), 'ISSUER_MISMATCH');
  });

  it('iss missing although the provider advertises it', async () => {
    const cb = await callbackUrl();
    await expectRefused(withParam(cb, 'iss', '', 'delete'), 'ISSUER_MISMATCH');
  });

  it('a code issued to another flow: PKCE makes the exchange fail, nothing stored', async () => {
    const first = await callbackUrl();
    const second = await callbackUrl();
    const swapped = withParam(second, 'code', new URL(first).searchParams.get('code')!);
    await expect(f.consentry.app.client.handleCallback(swapped, f.session)).rejects.toMatchObject({
      code: 'TOKEN_REQUEST_REJECTED',
      facts: { oauthError: 'invalid_grant' },
    });
    expect(await f.connectionCount()).toBe(connectionsBefore);
  });

  it('error=access_denied → returnUrl?oauth=cancelled; other errors carry their code', async () => {
    const denied = await callbackUrl({ deny: true });
    await expect(f.consentry.app.client.handleCallback(denied, f.session)).resolves.toBe(
      '/feature/edit?id=7&oauth=cancelled',
    );
    const other = withParam(
      withParam(await callbackUrl(), 'code', '', 'delete'),
      'error',
      'temporarily_unavailable',
    );
    await expect(f.consentry.app.client.handleCallback(other, f.session)).resolves.toBe(
      '/feature/edit?id=7&oauth=cancelled&oauth_error=temporarily_unavailable',
    );
    expect(f.remote.counts.authorization_code).toBe(tokenRequestsBefore);
    expect(await f.connectionCount()).toBe(connectionsBefore);
  });

  it.each(['https://evil.example/', '//evil.example/x', '/\\evil.example', 'javascript:alert(1)'])(
    'returnUrl %j is refused when the flow starts',
    async (returnUrl) => {
      const flows = await pendingFlows();
      await expect(begin(returnUrl)).rejects.toMatchObject({ code: 'UNSAFE_RETURN_URL' });
      expect(await pendingFlows()).toBe(flows);
    },
  );
});

describe('callback over HTTP', () => {
  it('oversized parameters → 400, and the flow is consumed', async () => {
    const cb = await callbackUrl();
    const jar = new CookieJar();
    jar.set(f.consentry.baseUrl, 'consentry_sid', f.session);
    const res = await request(jar, withParam(cb, 'code', 'x'.repeat(5000)), {
      headers: { accept: 'application/json' },
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: 'CALLBACK_PARAMETER_TOO_LARGE' });
    await expectRefused(cb, 'FLOW_UNKNOWN');
    expect(f.remote.counts.authorization_code).toBe(tokenRequestsBefore);
  });

  it('a refused callback renders a page with the reason, no-referrer and no-store', async () => {
    const res = await fetch(`${f.consentry.baseUrl}/oauth/callback?state=${'y'.repeat(43)}&code=abc`);
    expect(res.status).toBe(400);
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    const page = await res.text();
    expect(page).toContain('FLOW_UNKNOWN');
    expect(page).toContain('Start the connection again');
  });

  it('a successful callback over HTTP redirects to the consumer’s success path', async () => {
    const cb = await callbackUrl();
    const jar = new CookieJar();
    jar.set(f.consentry.baseUrl, 'consentry_sid', f.session);
    const res = await request(jar, cb);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/feature/connected');
  });

  it('form_post: a POST callback continues as a same-site GET with the same parameters', async () => {
    const res = await fetch(`${f.consentry.baseUrl}/oauth/callback`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'code=abc&state=def',
      redirect: 'manual',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/oauth/callback?code=abc&state=def');
  });
});
