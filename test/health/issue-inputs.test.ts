import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { isConsentryError } from '../../src/domain/errors.ts';
import { type HealthFixture, healthFixture, SENTINEL_AT, SENTINEL_RT, SENTINEL_SECRET } from './fixture.ts';

/**
 * Issue 11, "What fails today": each input exactly as written is the stand-in's whole answer to
 * every token request. Asserted: the outcome, the named cause, the event, and the count of token
 * requests after the first refusal (eight attempts each).
 */
let f: HealthFixture;
const DAY = 86_400_000;

beforeAll(async () => {
  f = await healthFixture(['github', 'atlassian', 'zoho', 'quickbooks', 'box']);
});
afterAll(async () => {
  await f.close();
});
beforeEach(() => {
  f.events.length = 0;
  f.clientEvents.length = 0;
});

/** Eight refresh attempts, an hour apart (any backoff has passed); the errors they ended with. */
async function eightAttempts(id: string): Promise<unknown[]> {
  const errors: unknown[] = [];
  for (let i = 0; i < 8; i++) {
    errors.push(
      await f.app.app.client.refresh(id).then(
        () => undefined,
        (e: unknown) => e,
      ),
    );
    f.clock.t += 3600_000;
  }
  return errors;
}

function noSecretsIn(value: unknown) {
  const text = JSON.stringify(value);
  for (const s of [SENTINEL_AT, SENTINEL_RT, SENTINEL_SECRET]) expect(text).not.toContain(s);
}

describe('a dead grant ends in needs_reauth at once, with no further token request', () => {
  it('1. GitHub: HTTP 200 {"error":"bad_refresh_token", …} → needs_reauth (revoked), 1 request in 8 attempts', async () => {
    const id = await f.connection(await f.client('github'), 'github');
    f.standIn.answer({
      status: 200,
      body: {
        error: 'bad_refresh_token',
        error_description: 'The refresh token passed is incorrect or expired.',
      },
    });
    const before = f.tokenRequests();
    const errors = await eightAttempts(id);
    expect(f.tokenRequests() - before).toBe(1);
    expect(errors.every((e) => isConsentryError(e, 'CONNECTION_NEEDS_REAUTH'))).toBe(true);
    const c = (await f.app.app.store.connections.get(id))!;
    expect(c.status).toBe('needs_reauth');
    expect(c.health).toMatchObject({
      cause: 'revoked',
      evidence: {
        provider: 'github',
        stage: 'refresh',
        error: 'bad_refresh_token',
        description: 'The refresh token passed is incorrect or expired.',
        attempts: 1,
        docs: expect.stringContaining('docs.github.com'),
      },
    });
    const reauth = f.events.filter((e) => e.type === 'needs_reauth');
    expect(reauth).toHaveLength(1);
    expect(reauth[0]).toMatchObject({
      connectionId: id,
      cause: 'revoked',
      evidence: { error: 'bad_refresh_token' },
    });
    noSecretsIn([c.health, c.statusReason, f.events, errors.map((e) => (e as Error).message)]);
  });

  it('2. Atlassian: HTTP 403 {"error":"unauthorized_client","error_description":"refresh_token is invalid"} → needs_reauth, 1 request', async () => {
    const id = await f.connection(await f.client('atlassian'), 'atlassian');
    f.standIn.answer({
      status: 403,
      body: { error: 'unauthorized_client', error_description: 'refresh_token is invalid' },
    });
    const before = f.tokenRequests();
    await eightAttempts(id);
    expect(f.tokenRequests() - before).toBe(1);
    const c = (await f.app.app.store.connections.get(id))!;
    expect(c.status).toBe('needs_reauth');
    expect(c.health).toMatchObject({
      cause: 'revoked',
      evidence: { status: 403, error: 'unauthorized_client' },
    });
    expect(f.events.filter((e) => e.type === 'needs_reauth')).toHaveLength(1);
    // The client is not flagged: Atlassian's unauthorized_client names the refresh token, not the client.
    expect(f.clientEvents).toHaveLength(0);
  });

  it('3a. Zoho refresh: HTTP 200 {"error":"invalid_code"} → needs_reauth (an OAuth error, not "access_token must be a string")', async () => {
    const id = await f.connection(await f.client('zoho'), 'zoho');
    f.standIn.answer({ status: 200, body: { error: 'invalid_code' } });
    const before = f.tokenRequests();
    const errors = await eightAttempts(id);
    expect(f.tokenRequests() - before).toBe(1);
    expect((errors[0] as Error).message).not.toMatch(/access_token/);
    const c = (await f.app.app.store.connections.get(id))!;
    expect(c.status).toBe('needs_reauth');
    expect(c.health).toMatchObject({ cause: 'revoked', evidence: { status: 200, error: 'invalid_code' } });
    expect(f.events.filter((e) => e.type === 'needs_reauth')).toHaveLength(1);
  });
});

describe('the client credentials refused', () => {
  it('3b. Zoho exchange: HTTP 200 {"error":"invalid_client"} → CLIENT_REFUSED naming the client secret; the client flagged once', async () => {
    const clientRef = await f.client('zoho');
    const e = await f
      .exchange(clientRef, { status: 200, body: { error: 'invalid_client' } })
      .catch((x: unknown) => x);
    expect(isConsentryError(e, 'CLIENT_REFUSED')).toBe(true);
    expect((e as Error).message).toMatch(/client secret/);
    expect((e as Error).message).toMatch(/invalid_client/);
    const client = (await f.app.app.store.clients.get(clientRef))!;
    expect(client.refusal).toMatchObject({
      cause: 'client_invalid',
      evidence: { stage: 'exchange', error: 'invalid_client' },
    });
    expect(f.clientEvents).toEqual([expect.objectContaining({ type: 'client_invalid', clientRef })]);
    noSecretsIn([e, client.refusal]);
  });

  it('refresh refused for the client: one token request for three connections, one event; an administrator edit resumes them', async () => {
    const clientRef = await f.client('zoho');
    const ids = [
      await f.connection(clientRef, 'zoho'),
      await f.connection(clientRef, 'zoho'),
      await f.connection(clientRef, 'zoho'),
    ];
    f.standIn.answer({ status: 200, body: { error: 'invalid_client' } });
    const before = f.tokenRequests();
    for (let round = 0; round < 3; round++) {
      for (const id of ids) {
        const e = await f.app.app.client.refresh(id).catch((x: unknown) => x);
        expect(isConsentryError(e, 'CLIENT_REFUSED')).toBe(true);
      }
      f.clock.t += 3600_000;
    }
    expect(f.tokenRequests() - before).toBe(1);
    expect(f.clientEvents.filter((e) => e.type === 'client_invalid')).toHaveLength(1);
    for (const id of ids) expect((await f.app.app.store.connections.get(id))!.status).toBe('active');
    // The background selection skips the client's connections while it is flagged.
    const due = await f.app.app.store.connections.listDue(
      new Date(f.clock.t + 3600_000),
      new Date(f.clock.t),
      1000,
    );
    expect(due.filter((c) => ids.includes(c.id))).toHaveLength(0);

    await f.app.app.store.clients.update(clientRef, { clientSecret: 'the-corrected-secret' });
    f.standIn.answer({
      status: 200,
      body: { access_token: 'at-fresh', token_type: 'Bearer', expires_in: 3600 },
    });
    f.clock.t += 3600_000;
    for (const id of ids) expect((await f.app.app.client.refresh(id)).accessToken).toBe('at-fresh');
    expect((await f.app.app.store.clients.get(clientRef))!.refusal).toBeUndefined();
  });
});

describe('bounded retries, transient faults and rate limits', () => {
  it('an unknown 4xx refusal is retried 3 times, then needs_reauth (refused) with the provider error shown', async () => {
    const id = await f.connection(await f.client('box'), 'box');
    f.standIn.answer({ status: 400, body: { error: 'mystery_refusal', error_description: 'Something odd' } });
    const before = f.tokenRequests();
    const errors = await eightAttempts(id);
    expect(f.tokenRequests() - before).toBe(3);
    expect(isConsentryError(errors[2], 'CONNECTION_NEEDS_REAUTH')).toBe(true);
    const c = (await f.app.app.store.connections.get(id))!;
    expect(c.status).toBe('needs_reauth');
    expect(c.health).toMatchObject({ cause: 'refused', evidence: { error: 'mystery_refusal', attempts: 3 } });
    expect(c.statusReason).toMatch(/mystery_refusal: Something odd/);
    expect(f.events.filter((e) => e.type === 'refresh_failed')).toHaveLength(2);
  });

  it('5xx keeps the token and keeps trying (transient, provider_unavailable)', async () => {
    const id = await f.connection(await f.client('box'), 'box');
    f.standIn.answer({ status: 503, body: 'down' });
    const before = f.tokenRequests();
    await eightAttempts(id);
    expect(f.tokenRequests() - before).toBe(8);
    const c = (await f.app.app.store.connections.get(id))!;
    expect(c.status).toBe('active');
    expect(c.accessToken).toBe(SENTINEL_AT);
    expect(c.health).toMatchObject({ cause: 'provider_unavailable', evidence: { status: 503 } });
    expect(c.health?.evidence.retryAt).toBeDefined();
  });

  it('429 with Retry-After pauses the client until then: no token request for its other connections', async () => {
    const clientRef = await f.client('box');
    const [a, b] = [await f.connection(clientRef, 'box'), await f.connection(clientRef, 'box')];
    f.standIn.answer({
      status: 429,
      body: { type: 'error', status: 429, code: 'rate_limit_exceeded' },
      headers: { 'retry-after': '120' },
    });
    const before = f.tokenRequests();
    await f.app.app.client.refresh(a).catch(() => {});
    const eb = await f.app.app.client.refresh(b).catch((x: unknown) => x);
    expect(isConsentryError(eb, 'PROVIDER_RATE_LIMITED')).toBe(true);
    expect(f.tokenRequests() - before).toBe(1);
    const client = (await f.app.app.store.clients.get(clientRef))!;
    expect(client.pausedUntil!.getTime() - f.clock.t).toBe(120_000);
    expect(f.clientEvents).toEqual([expect.objectContaining({ type: 'rate_limited', clientRef })]);
    const ca = (await f.app.app.store.connections.get(a))!;
    expect(ca.health?.cause).toBe('rate_limited');
    expect(ca.nextAttemptAt!.getTime() - f.clock.t).toBeGreaterThanOrEqual(120_000);
    f.clock.t += 121_000;
    f.standIn.answer({
      status: 200,
      body: { access_token: 'at-after-pause', token_type: 'bearer', expires_in: 3600 },
    });
    expect((await f.app.app.client.refresh(b)).accessToken).toBe('at-after-pause');
  });
});

describe('5. refresh-token lifetimes from the response', () => {
  it('QuickBooks x_refresh_token_expires_in: 86400 with the same refresh token → lapse in one day, not 100', async () => {
    const id = await f.connection(await f.client('quickbooks'), 'quickbooks', {
      refreshExpiresAt: new Date(f.clock.t + 50 * DAY),
    });
    f.standIn.answer({
      status: 200,
      body: {
        access_token: 'qb-at',
        token_type: 'bearer',
        expires_in: 3600,
        refresh_token: SENTINEL_RT,
        x_refresh_token_expires_in: 86400,
      },
    });
    await f.app.app.client.refresh(id);
    const c = (await f.app.app.store.connections.get(id))!;
    expect(c.refreshExpiresAt!.getTime()).toBe(f.clock.t + DAY);
    expect(await f.app.app.store.connections.refreshTokenOf(id)).toBe(SENTINEL_RT);
  });

  it('GitHub refresh_token_expires_in: 15811200 with a new refresh token is stored (≈183 days)', async () => {
    const id = await f.connection(await f.client('github'), 'github');
    f.standIn.answer({
      status: 200,
      body: {
        access_token: 'ghu_new',
        expires_in: 28800,
        refresh_token: 'ghr_new',
        refresh_token_expires_in: 15811200,
        scope: '',
        token_type: 'bearer',
      },
    });
    await f.app.app.client.refresh(id);
    const c = (await f.app.app.store.connections.get(id))!;
    expect(c.refreshExpiresAt!.getTime()).toBe(f.clock.t + 15811200 * 1000);
  });

  it('a rotating provider that echoes the same refresh token does not move the lapse date', async () => {
    const lapse = new Date(f.clock.t + 20 * DAY);
    const id = await f.connection(await f.client('box'), 'box', { refreshExpiresAt: lapse });
    f.standIn.answer({
      status: 200,
      body: { access_token: 'box-at', token_type: 'bearer', expires_in: 3600, refresh_token: SENTINEL_RT },
    });
    await f.app.app.client.refresh(id);
    expect((await f.app.app.store.connections.get(id))!.refreshExpiresAt).toEqual(lapse);
    // A really new refresh token gets the catalog's 60 days.
    f.clock.t += 2 * 3600_000;
    f.standIn.answer({
      status: 200,
      body: { access_token: 'box-at-2', token_type: 'bearer', expires_in: 3600, refresh_token: 'box-rt-2' },
    });
    await f.app.app.client.refresh(id);
    expect((await f.app.app.store.connections.get(id))!.refreshExpiresAt!.getTime()).toBe(
      f.clock.t + 60 * DAY,
    );
  });
});
