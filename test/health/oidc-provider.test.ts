import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientEvent, ConnectionEvent } from '../../src/core/consumers.ts';
import { isConsentryError } from '../../src/domain/errors.ts';
import { type CoreFixture, coreFixture } from '../client-core/fixture.ts';
import { CookieJar, consentAtProvider } from '../support/browserless.ts';

/**
 * Issue 11 against a real OpenID provider (oidc-provider on loopback, rotating refresh tokens):
 * a real `invalid_grant` (the refresh token destroyed at the provider), a revoked grant, a client
 * the provider no longer knows (`invalid_client`), and a reconnect that brings another account.
 */
let f: CoreFixture;
const events: ConnectionEvent[] = [];
const clientEvents: ClientEvent[] = [];

beforeAll(async () => {
  f = await coreFixture();
  f.consentry.app.client.events.on('connection', (e) => events.push(e));
  f.consentry.app.client.events.on('client', (e) => clientEvents.push(e));
});
afterAll(async () => f?.close());

async function connect(login: string, reconnect?: string): Promise<string> {
  const url = await f.consentry.app.client.beginConsent({
    client: f.clientRef,
    preset: 'mail',
    purpose: 'test_feature',
    payload: { login },
    returnUrl: '/feature/edit',
    session: f.session,
    ...(reconnect ? { reconnect } : {}),
  });
  const callback = await consentAtProvider(new CookieJar(), url, {
    stopPrefix: `${f.consentry.baseUrl}/oauth/callback`,
    login,
  });
  return f.consentry.app.client.handleCallback(callback, f.session);
}

async function newConnection(login: string): Promise<string> {
  await connect(login);
  return f.granted.at(-1)!.connectionId!;
}

const store = () => f.consentry.app.store;

describe('dead grants at oidc-provider end in needs_reauth with no further token request', () => {
  it('the refresh token destroyed at the provider: a real invalid_grant → revoked', async () => {
    const id = await newConnection('alice');
    const rt = (await store().connections.refreshTokenOf(id))!;
    await (await f.remote.provider.RefreshToken.find(rt))!.destroy();
    const before = f.remote.counts.refresh_token + f.remote.counts.other;
    const e = await f.consentry.app.client.refresh(id).catch((x: unknown) => x);
    expect(isConsentryError(e, 'CONNECTION_NEEDS_REAUTH')).toBe(true);
    const c = (await store().connections.get(id))!;
    expect(c.status).toBe('needs_reauth');
    expect(c.health).toMatchObject({ cause: 'revoked', evidence: { error: 'invalid_grant', status: 400 } });
    await f.consentry.app.client.refresh(id).catch(() => {});
    expect(f.remote.counts.refresh_token + f.remote.counts.other - before).toBeLessThanOrEqual(1);
    expect(events.filter((x) => x.type === 'needs_reauth' && x.connectionId === id)).toHaveLength(1);
  });

  it('the grant revoked at the provider → needs_reauth (revoked)', async () => {
    const id = await newConnection('carol');
    const rt = await f.remote.provider.RefreshToken.find((await store().connections.refreshTokenOf(id))!);
    await (await f.remote.provider.Grant.find(rt!.grantId!))!.destroy();
    await expect(f.consentry.app.client.refresh(id)).rejects.toMatchObject({
      code: 'CONNECTION_NEEDS_REAUTH',
      facts: { cause: 'revoked' },
    });
    expect((await store().connections.get(id))!.health?.evidence.error).toBe('invalid_grant');
  });

  it('a client the provider no longer knows → invalid_client: the client flagged, its connections paused until edited', async () => {
    const a = await newConnection('dave');
    const b = await newConnection('erin');
    await store().clients.update(f.clientRef, { clientId: 'deleted-at-the-provider' });
    const failedBefore = f.remote.counts.other + f.remote.counts.refresh_token;
    await expect(f.consentry.app.client.refresh(a)).rejects.toMatchObject({ code: 'CLIENT_REFUSED' });
    await expect(f.consentry.app.client.refresh(b)).rejects.toMatchObject({ code: 'CLIENT_REFUSED' });
    // Only the first refresh reached the provider; the second was paused here.
    expect(f.remote.counts.other + f.remote.counts.refresh_token - failedBefore).toBeLessThanOrEqual(1);
    expect((await store().clients.get(f.clientRef))!.refusal).toMatchObject({
      cause: 'client_invalid',
      evidence: { error: 'invalid_client' },
    });
    expect(clientEvents.filter((x) => x.type === 'client_invalid')).toHaveLength(1);
    await store().clients.update(f.clientRef, { clientId: 'consentry-test' });
    // `a` backs off after its failure; `b` was never sent, so it refreshes at once.
    await f.consentry.app.client.refresh(b);
    expect((await store().connections.get(b))!.status).toBe('active');
  });
});

describe('4. reconnect is for the same account', () => {
  it('a reconnect as another account is refused, the connection untouched and still refreshing', async () => {
    const id = await newConnection('frank');
    const before = (await store().connections.get(id))!;
    const rtBefore = await store().connections.refreshTokenOf(id);
    const target = await connect('grace', id);
    expect(target).toMatch(/[?&]oauth=account_mismatch/);
    expect(target).toContain(`connection=${id}`);
    const after = (await store().connections.get(id))!;
    expect(after.subject).toBe(before.subject);
    expect(after.account).toBe(before.account);
    expect(after.accessToken).toBe(before.accessToken);
    expect(after.version).toBe(before.version);
    expect(await store().connections.refreshTokenOf(id)).toBe(rtBefore);
    expect(events.filter((e) => e.type === 'reconnect_refused' && e.connectionId === id)).toHaveLength(1);
    const refreshed = await f.consentry.app.client.refreshConnection(id);
    expect(refreshed.refreshedHere).toBe(true);
    expect(refreshed.connection.subject).toBe(before.subject);
    // The same account reconnects fine.
    expect(await connect('frank', id)).toBe('/feature/connected');
  });
});
