import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isConsentryError } from '../../src/domain/errors.ts';
import { CookieJar, consentAtProvider } from '../support/browserless.ts';
import { type CoreFixture, coreFixture, SENTINEL_CLIENT_SECRET } from './fixture.ts';

let f: CoreFixture;
afterEach(async () => f?.close());

/** Runs one consent at the real remote provider and returns the callback URL it redirected to. */
async function consent(
  fx: CoreFixture,
  options: { deny?: boolean; payload?: Record<string, unknown>; login?: string } = {},
) {
  const url = await fx.consentry.app.client.beginConsent({
    client: fx.clientRef,
    preset: 'mail',
    purpose: 'test_feature',
    payload: options.payload ?? { accountId: 7 },
    returnUrl: '/feature/edit?id=7',
    session: fx.session,
  });
  return consentAtProvider(new CookieJar(), url, {
    stopPrefix: `${fx.consentry.baseUrl}/oauth/callback`,
    login: options.login ?? 'alice',
    ...(options.deny ? { deny: true } : {}),
  });
}

describe('authorization-code flow against a real OpenID provider', () => {
  beforeEach(async () => {
    f = await coreFixture();
  });

  it('builds a consent URL with PKCE S256, a 256-bit state, a nonce and the configured redirect URI', async () => {
    const url = new URL(
      await f.consentry.app.client.beginConsent({
        client: f.clientRef,
        scopes: ['openid', 'email'],
        purpose: 'test_feature',
        returnUrl: '/x',
        session: f.session,
      }),
    );
    expect(url.origin + url.pathname).toBe(`${f.remote.issuer}/auth`);
    expect(url.searchParams.get('redirect_uri')).toBe(`${f.consentry.baseUrl}/oauth/callback`);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(url.searchParams.get('state')!, 'base64url')).toHaveLength(32);
    expect(url.searchParams.get('nonce')).toBeTruthy();
    expect(url.searchParams.get('scope')).toBe('openid email');
  });

  it('completes the flow: exchange, ID-token validation, sealed storage, consumer dispatch by purpose', async () => {
    const callback = await consent(f);
    const target = await f.consentry.app.client.handleCallback(callback, f.session);
    expect(target).toBe('/feature/connected');
    expect(f.remote.counts.authorization_code).toBe(1);
    expect(f.granted).toHaveLength(1);
    const g = f.granted[0]!;
    expect(g.payload).toEqual({ accountId: 7 });
    expect(g.token.idTokenClaims?.sub).toBe('alice');
    expect(g.token.scopes).toEqual(expect.arrayContaining(['openid', 'email', 'mail']));
    expect(g.token.expiresAt!.getTime()).toBeGreaterThan(Date.now() + 3500_000);

    const c = (await f.consentry.app.store.connections.get(g.connectionId!))!;
    expect(c).toMatchObject({
      status: 'active',
      purpose: 'test_feature',
      account: 'alice@demo.consentry.test',
      hasRefreshToken: true,
    });
    // At rest, tokens are sealed: the raw row never holds them in plaintext.
    const raw = await f.consentry.app.database.db
      .selectFrom('connections')
      .selectAll()
      .executeTakeFirstOrThrow();
    expect(raw.access_token).toMatch(/^v1\./);
    expect(raw.refresh_token).toMatch(/^v1\./);
    expect(raw.access_token).not.toContain(g.token.accessToken);
    const rawClient = await f.consentry.app.database.db
      .selectFrom('oauth_clients')
      .selectAll()
      .executeTakeFirstOrThrow();
    expect(rawClient.client_secret).not.toContain(SENTINEL_CLIENT_SECRET);
    // The flow is gone: single use.
    expect(await f.consentry.app.database.db.selectFrom('flows').selectAll().execute()).toHaveLength(0);
  });

  it('deny: back to returnUrl?oauth=cancelled, no token request, nothing stored', async () => {
    const callback = await consent(f, { deny: true });
    expect(new URL(callback).searchParams.get('error')).toBe('access_denied');
    const target = await f.consentry.app.client.handleCallback(callback, f.session);
    expect(target).toBe('/feature/edit?id=7&oauth=cancelled');
    expect(f.remote.counts.authorization_code).toBe(0);
    expect(await f.connectionCount()).toBe(0);
  });

  it('a consumer that fails leaves nothing half-stored', async () => {
    const callback = await consent(f, { payload: { explode: true } });
    await expect(f.consentry.app.client.handleCallback(callback, f.session)).rejects.toMatchObject({
      code: 'CONSUMER_FAILED',
    });
    expect(await f.connectionCount()).toBe(0);
  });

  it('refuses a consumer success path that is not same-site', async () => {
    const callback = await consent(f, { payload: { successPath: 'https://evil.example/' } });
    await expect(f.consentry.app.client.handleCallback(callback, f.session)).rejects.toMatchObject({
      code: 'UNSAFE_RETURN_URL',
    });
    expect(await f.connectionCount()).toBe(0);
  });

  it('ensureFresh returns the stored token while it is valid, without calling the provider', async () => {
    await f.consentry.app.client.handleCallback(await consent(f), f.session);
    const id = f.granted[0]!.connectionId!;
    const t = await f.consentry.app.client.ensureFresh(id);
    expect(t.accessToken).toBe(f.granted[0]!.token.accessToken);
    expect(t.refreshToken).toBeUndefined(); // the refresh token never leaves the store
    expect(f.remote.counts.refresh_token).toBe(0);
  });

  it('refresh with rotation stores the new refresh token; the next refresh uses it', async () => {
    await f.consentry.app.client.handleCallback(await consent(f), f.session);
    const id = f.granted[0]!.connectionId!;
    const store = f.consentry.app.store.connections;
    const rt1 = await store.refreshTokenOf(id);
    const t2 = await f.consentry.app.client.refresh(id);
    const rt2 = await store.refreshTokenOf(id);
    expect(rt2).not.toBe(rt1);
    expect(t2.accessToken).not.toBe(f.granted[0]!.token.accessToken);
    const t3 = await f.consentry.app.client.refresh(id);
    expect(t3.accessToken).not.toBe(t2.accessToken);
    expect(f.remote.counts.refresh_token).toBe(2);
    const c = (await store.get(id))!;
    expect(c).toMatchObject({ status: 'active', version: 3, failureCount: 0 });
    expect(c.lastRefreshAt).toBeInstanceOf(Date);
  });
});

describe('ensureFresh on an expired token', () => {
  beforeEach(async () => {
    f = await coreFixture({ accessTokenTtl: 3600 });
  });

  async function connectedExpired(): Promise<string> {
    await f.consentry.app.client.handleCallback(await consent(f), f.session);
    const id = f.granted[0]!.connectionId!;
    await f.consentry.app.database.db
      .updateTable('connections')
      .set({ expires_at: Date.now() - 1000 })
      .where('id', '=', id)
      .execute();
    return id;
  }

  it('200 concurrent callers → exactly one token request, everyone gets the same new token', async () => {
    const id = await connectedExpired();
    const tokens = await Promise.all(
      Array.from({ length: 200 }, () => f.consentry.app.client.ensureFresh(id)),
    );
    expect(f.remote.counts.refresh_token).toBe(1);
    expect(new Set(tokens.map((t) => t.accessToken)).size).toBe(1);
    expect(tokens[0]!.accessToken).not.toBe(f.granted[0]!.token.accessToken);
    expect((await f.consentry.app.store.connections.get(id))!.status).toBe('active');
  });

  it('refreshes within the skew, before the token actually expires', async () => {
    await f.consentry.app.client.handleCallback(await consent(f), f.session);
    const id = f.granted[0]!.connectionId!;
    await f.consentry.app.database.db
      .updateTable('connections')
      .set({ expires_at: Date.now() + 30_000 })
      .where('id', '=', id)
      .execute();
    await f.consentry.app.client.ensureFresh(id); // default skew 60 s
    expect(f.remote.counts.refresh_token).toBe(1);
  });

  it('a revoked grant (invalid_grant) → needs_reauth with the reason, and no more provider calls', async () => {
    const id = await connectedExpired();
    const rt = (await f.consentry.app.store.connections.refreshTokenOf(id))!;
    // The user revoked access at the provider.
    const token = await f.remote.provider.RefreshToken.find(rt);
    await f.remote.provider.Grant.adapter.destroy(token!.grantId!);
    await token!.destroy();
    const error = await f.consentry.app.client.ensureFresh(id).catch((e: unknown) => e);
    expect(isConsentryError(error, 'CONNECTION_NEEDS_REAUTH')).toBe(true);
    expect(String((error as Error).message)).toContain('invalid_grant');
    const c = (await f.consentry.app.store.connections.get(id))!;
    expect(c.status).toBe('needs_reauth');
    expect(c.statusReason).toMatch(/invalid_grant/);
    const calls = f.remote.counts.refresh_token;
    await expect(f.consentry.app.client.ensureFresh(id)).rejects.toMatchObject({
      code: 'CONNECTION_NEEDS_REAUTH',
    });
    expect(f.remote.counts.refresh_token).toBe(calls);
  });

  it('a transient failure keeps the token, records the failure and cools down instead of hammering', async () => {
    const id = await connectedExpired();
    const before = await f.consentry.app.store.connections.refreshTokenOf(id);
    f.remote.failTokenEndpoint(503);
    await expect(f.consentry.app.client.ensureFresh(id)).rejects.toMatchObject({
      code: 'PROVIDER_UNAVAILABLE',
    });
    const c = (await f.consentry.app.store.connections.get(id))!;
    expect(c).toMatchObject({ status: 'active', failureCount: 1 });
    expect(c.nextAttemptAt!.getTime()).toBeGreaterThan(Date.now());
    expect(c.leaseOwner).toBeUndefined();
    expect(await f.consentry.app.store.connections.refreshTokenOf(id)).toBe(before);
    const failed = f.remote.counts.failed;
    await expect(f.consentry.app.client.ensureFresh(id)).rejects.toMatchObject({
      code: 'CONNECTION_COOLING_DOWN',
    });
    expect(f.remote.counts.failed).toBe(failed);
    // Once the provider is back and the cooldown has passed, it recovers with the kept token.
    f.remote.failTokenEndpoint(undefined);
    await f.consentry.app.database.db
      .updateTable('connections')
      .set({ next_attempt_at: Date.now() - 1 })
      .where('id', '=', id)
      .execute();
    const t = await f.consentry.app.client.ensureFresh(id);
    expect(t.expiresAt!.getTime()).toBeGreaterThan(Date.now());
    expect((await f.consentry.app.store.connections.get(id))!.failureCount).toBe(0);
  });

  it('a lease held by a dead owner expires and does not block the connection', async () => {
    const id = await connectedExpired();
    await f.consentry.app.database.db
      .updateTable('connections')
      .set({ lease_owner: 'dead-process', lease_until: Date.now() + 300 })
      .where('id', '=', id)
      .execute();
    const t = await f.consentry.app.client.ensureFresh(id);
    expect(t.expiresAt!.getTime()).toBeGreaterThan(Date.now());
    expect(f.remote.counts.refresh_token).toBe(1);
  });

  it('revoke: at the provider (RFC 7009), then locally', async () => {
    await f.consentry.app.client.handleCallback(await consent(f), f.session);
    const id = f.granted[0]!.connectionId!;
    const rt = (await f.consentry.app.store.connections.refreshTokenOf(id))!;
    expect(await f.consentry.app.client.revoke(id)).toEqual({ atProvider: true });
    expect(await f.remote.provider.RefreshToken.find(rt)).toBeUndefined();
    expect((await f.consentry.app.store.connections.get(id))!.status).toBe('revoked');
    await expect(f.consentry.app.client.ensureFresh(id)).rejects.toMatchObject({
      code: 'CONNECTION_REVOKED',
    });
  });
});
