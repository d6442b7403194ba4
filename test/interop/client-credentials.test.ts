import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OAuth2Consumer } from '../../src/core/consumers.ts';
import { isConsentryError } from '../../src/domain/errors.ts';
import { type CcOidc, ccProviderEntry, startCcOidc } from '../support/cc-oidc.ts';
import { startConsentry, type TestConsentry } from '../support/consentry.ts';

/**
 * Client credentials as a client (issue 16, deliverable 2) against oidc-provider 8.x with its
 * `clientCredentials` feature: first token, idempotent connect, renewal before expiry through the
 * coordinator (no refresh token, never needs_reauth for lack of one), RFC 8707 `resource`, and the
 * classification of refusals.
 */
const SECRET = 'CC-SENTINEL-SECRET-41d9e2';
const consumer: OAuth2Consumer = {
  purpose: 'machine',
  onTokenGranted: () => '/',
};

let remote: CcOidc;
let consentry: TestConsentry;
let clientRef: string;

beforeAll(async () => {
  remote = await startCcOidc({
    clients: [{ clientId: 'cc-app', clientSecret: SECRET, scope: 'api:read api:write' }],
    ttl: 600,
  });
  consentry = await startConsentry({
    env: { DEMO_PROVIDER: 'false' },
    consumers: [consumer, { purpose: 'other', onTokenGranted: () => '/' }],
    providers: [ccProviderEntry(remote.issuer) as never],
  });
  clientRef = (
    await consentry.app.store.clients.create({
      providerKey: 'remote-cc',
      name: 'CC app',
      clientId: 'cc-app',
      clientSecret: SECRET,
    })
  ).id;
}, 60_000);

afterAll(async () => {
  await consentry?.close();
  await remote?.close();
});

async function introspect(token: string): Promise<Record<string, unknown>> {
  const r = await fetch(`${remote.issuer}/token/introspection`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`cc-app:${SECRET}`).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams({ token }),
  });
  return (await r.json()) as Record<string, unknown>;
}

describe('client credentials against oidc-provider', () => {
  it('requests the first token with the default scopes and stores a connection without a user', async () => {
    const before = remote.counts.client_credentials;
    const c = await consentry.app.client.connectClientCredentials({ client: clientRef, purpose: 'machine' });
    expect(remote.counts.client_credentials).toBe(before + 1);
    expect(c.grantType).toBe('client_credentials');
    expect(c.grantRequest).toEqual({ scopes: [], params: {} });
    expect(c.hasRefreshToken).toBe(false);
    expect(c.account).toBeUndefined();
    expect(c.scopes).toEqual(['api:read']);
    expect(c.expiresAt!.getTime() - Date.now()).toBeGreaterThan(500_000);
    const last = remote.received[remote.received.length - 1]!;
    expect(last.body.grant_type).toBe('client_credentials');
    expect(last.body.scope).toBe('api:read');
    expect(last.authorization).toMatch(/^Basic /);
    const info = await introspect(c.accessToken);
    expect(info).toMatchObject({ active: true, client_id: 'cc-app', scope: 'api:read' });
    // Sealed like every token: the stored column is not the token.
    const row = await consentry.app.database.db
      .selectFrom('connections')
      .select(['access_token', 'grant_type', 'refresh_token'])
      .where('id', '=', c.id)
      .executeTakeFirstOrThrow();
    expect(row.access_token).not.toContain(c.accessToken);
    expect(row.grant_type).toBe('client_credentials');
    expect(row.refresh_token).toBeNull();
  });

  it('is idempotent per (client, scopes, params): the same call returns the same connection, no request', async () => {
    const a = await consentry.app.client.connectClientCredentials({
      client: clientRef,
      purpose: 'machine',
      scopes: ['api:write', 'api:read'],
    });
    const count = remote.counts.client_credentials;
    const b = await consentry.app.client.connectClientCredentials({
      client: clientRef,
      purpose: 'machine',
      scopes: ['api:read', 'api:write', 'api:read'],
    });
    expect(b.id).toBe(a.id);
    expect(remote.counts.client_credentials).toBe(count);
    // Other scopes: another connection.
    const other = await consentry.app.client.connectClientCredentials({
      client: clientRef,
      purpose: 'machine',
      scopes: ['api:write'],
    });
    expect(other.id).not.toBe(a.id);
    // The same request for another purpose is refused, not silently shared.
    const err = await consentry.app.client
      .connectClientCredentials({ client: clientRef, purpose: 'other', scopes: ['api:read', 'api:write'] })
      .catch((e) => e);
    expect(isConsentryError(err, 'CONNECTION_EXISTS')).toBe(true);
  });

  it('concurrent identical connects store one connection', async () => {
    const all = await Promise.all(
      Array.from({ length: 8 }, () =>
        consentry.app.client.connectClientCredentials({
          client: clientRef,
          purpose: 'machine',
          params: { resource: 'https://api.concurrent.test' },
        }),
      ),
    );
    expect(new Set(all.map((c) => c.id)).size).toBe(1);
    const rows = (await consentry.app.store.connections.list({ clientRef })).filter(
      (c) => c.grantRequest?.params.resource === 'https://api.concurrent.test',
    );
    expect(rows).toHaveLength(1);
  });

  it('sends RFC 8707 resource as a parameter and gets a token for that audience', async () => {
    const c = await consentry.app.client.connectClientCredentials({
      client: clientRef,
      purpose: 'machine',
      scopes: ['api:write'],
      params: { resource: 'https://api.example.test' },
    });
    expect(decodeJwt(c.accessToken).aud).toBe('https://api.example.test');
    expect(remote.received[remote.received.length - 1]!.body.resource).toBe('https://api.example.test');
  });

  it('ensureFresh requests a new token before expiry (one request), never needs_reauth for lack of a refresh token', async () => {
    const c = await consentry.app.client.connectClientCredentials({
      client: clientRef,
      purpose: 'machine',
      params: { audience_hint: 'renewal' },
    });
    const fresh = await consentry.app.client.ensureFresh(c.id);
    expect(fresh.accessToken).toBe(c.accessToken);
    const before = remote.counts.client_credentials;
    // A skew longer than the lifetime: the token counts as expiring, 20 callers share one request.
    const tokens = await Promise.all(
      Array.from({ length: 20 }, () => consentry.app.client.ensureFresh(c.id, { skewSeconds: 3600 })),
    );
    expect(remote.counts.client_credentials).toBe(before + 1);
    expect(new Set(tokens.map((t) => t.accessToken)).size).toBe(1);
    expect(tokens[0]!.accessToken).not.toBe(c.accessToken);
    expect(remote.received[remote.received.length - 1]!.body.audience_hint).toBe('renewal');
    const after = (await consentry.app.store.connections.get(c.id))!;
    expect(after.status).toBe('active');
    expect(after.version).toBe(c.version + 1);
    expect(after.hasRefreshToken).toBe(false);
    expect((await introspect(after.accessToken)).active).toBe(true);
    // The forced renewal ("Refresh now", a mail server's 401) runs the grant too.
    await consentry.app.client.refresh(c.id);
    expect(remote.counts.client_credentials).toBe(before + 2);
  });

  it('the background refresher renews due client-credentials connections (one request each)', async () => {
    const { BackgroundRefresher } = await import('../../src/core/background-refresher.ts');
    const c = await consentry.app.client.connectClientCredentials({
      client: clientRef,
      purpose: 'machine',
      params: { audience_hint: 'background' },
    });
    // Due now: its token expires within the refresher's window.
    await consentry.app.database.db
      .updateTable('connections')
      .set({ expires_at: Date.now() + 30_000 })
      .where('id', '=', c.id)
      .execute();
    const refresher = new BackgroundRefresher({
      client: consentry.app.client,
      connections: consentry.app.store.connections,
      providerOf: () => undefined,
      emit: () => {},
      windowSeconds: 300,
    });
    const before = remote.counts.client_credentials;
    const report = await refresher.sweep();
    expect(report.due).toBeGreaterThanOrEqual(1);
    const after = (await consentry.app.store.connections.get(c.id))!;
    expect(after.version).toBe(c.version + 1);
    expect(after.status).toBe('active');
    expect(after.expiresAt!.getTime()).toBeGreaterThan(Date.now() + 500_000);
    expect(remote.counts.client_credentials - before).toBe(report.refreshed);
    // A second sweep finds nothing due: no request.
    const again = remote.counts.client_credentials;
    await refresher.sweep();
    expect((await consentry.app.store.connections.get(c.id))!.version).toBe(after.version);
    expect(remote.counts.client_credentials).toBe(again);
  });

  it('invalid_scope → needs_reauth with cause grant_refused; regrant after the fix brings it back', async () => {
    const c = await consentry.app.client.connectClientCredentials({
      client: clientRef,
      purpose: 'machine',
      params: { audience_hint: 'scope-refusal' },
    });
    remote.failTokenEndpoint({
      status: 400,
      body: JSON.stringify({ error: 'invalid_scope', error_description: 'requested scope is not allowed' }),
    });
    try {
      const err = await consentry.app.client.ensureFresh(c.id, { skewSeconds: 3600 }).catch((e) => e);
      expect(isConsentryError(err, 'CONNECTION_NEEDS_REAUTH')).toBe(true);
      const after = (await consentry.app.store.connections.get(c.id))!;
      expect(after.status).toBe('needs_reauth');
      expect(after.health?.cause).toBe('grant_refused');
      expect(after.health?.evidence.error).toBe('invalid_scope');
      // The client is not flagged: its other connections keep working.
      expect((await consentry.app.store.clients.get(clientRef))!.refusal).toBeUndefined();
    } finally {
      remote.failTokenEndpoint(undefined);
    }
    const back = await consentry.app.client.regrant(c.id);
    expect(back.status).toBe('active');
    // connect with the same request also revives it (idempotent connect of a needs_reauth row).
    const again = await consentry.app.client.connectClientCredentials({
      client: clientRef,
      purpose: 'machine',
      params: { audience_hint: 'scope-refusal' },
    });
    expect(again.id).toBe(c.id);
  });

  it('a 503 keeps the token and backs off; unauthorized_client at connect is TOKEN_REQUEST_REJECTED grant_refused', async () => {
    const c = await consentry.app.client.connectClientCredentials({
      client: clientRef,
      purpose: 'machine',
      params: { audience_hint: 'transient' },
    });
    remote.failTokenEndpoint({ status: 503, body: '{"error":"temporarily_unavailable"}' });
    try {
      const err = await consentry.app.client.ensureFresh(c.id, { skewSeconds: 3600 }).catch((e) => e);
      expect(isConsentryError(err)).toBe(true);
      const after = (await consentry.app.store.connections.get(c.id))!;
      expect(after.status).toBe('active');
      expect(after.health?.cause).toBe('provider_unavailable');
      expect(after.nextAttemptAt!.getTime()).toBeGreaterThan(Date.now());
      expect(after.accessToken).toBe(c.accessToken);

      remote.failTokenEndpoint({
        status: 400,
        body: JSON.stringify({ error: 'unauthorized_client', error_description: 'grant not allowed' }),
      });
      const refused = await consentry.app.client
        .connectClientCredentials({ client: clientRef, purpose: 'machine', params: { audience_hint: 'new' } })
        .catch((e) => e);
      expect(isConsentryError(refused, 'TOKEN_REQUEST_REJECTED')).toBe(true);
      expect(refused.facts.cause).toBe('grant_refused');
      expect(await consentry.app.store.connections.list({ clientRef })).not.toContainEqual(
        expect.objectContaining({ grantRequest: { scopes: [], params: { audience_hint: 'new' } } }),
      );
    } finally {
      remote.failTokenEndpoint(undefined);
    }
  });

  it('a provider that does not list client_credentials is refused before any request', async () => {
    const demo = await consentry.app.store.clients.create({
      providerKey: 'github',
      name: 'gh',
      clientId: 'x',
      clientSecret: 'y',
    });
    const err = await consentry.app.client
      .connectClientCredentials({ client: demo.id, purpose: 'machine' })
      .catch((e) => e);
    expect(isConsentryError(err, 'GRANT_UNSUPPORTED')).toBe(true);
  });

  it('a wrong secret (invalid_client, 401) flags the client: CLIENT_REFUSED, and no secret leaks', async () => {
    const bad = await consentry.app.store.clients.create({
      providerKey: 'remote-cc',
      name: 'CC wrong secret',
      clientId: 'cc-app',
      clientSecret: 'WRONG-SECRET-aa7c31',
    });
    const err = await consentry.app.client
      .connectClientCredentials({ client: bad.id, purpose: 'machine' })
      .catch((e) => e);
    expect(isConsentryError(err, 'CLIENT_REFUSED')).toBe(true);
    expect((await consentry.app.store.clients.get(bad.id))!.refusal?.cause).toBe('client_invalid');
    // Flagged: the next call sends no request at all.
    const count = remote.received.length;
    const again = await consentry.app.client
      .connectClientCredentials({ client: bad.id, purpose: 'machine' })
      .catch((e) => e);
    expect(isConsentryError(again, 'CLIENT_REFUSED')).toBe(true);
    expect(remote.received.length).toBe(count);
    expect(consentry.logs.join('\n')).not.toContain('WRONG-SECRET-aa7c31');
    expect(JSON.stringify(err)).not.toContain('WRONG-SECRET-aa7c31');
  });
});

describe('console and CLI faces', () => {
  it('the client page offers “Connect as the application”; posting it creates the connection (administrators only)', async () => {
    const { createUser, signIn, page, post, csrfFrom } = await import('../console/support/console-client.ts');
    await createUser(consentry, 'admin-cc@example.org');
    const jar = await signIn(consentry, 'admin-cc@example.org');
    const p = await page(jar, `${consentry.baseUrl}/clients/${clientRef}`);
    expect(p.status).toBe(200);
    expect(p.html).toContain('Connect as the application');
    expect(p.html).toContain(`/clients/${clientRef}/application-connection`);
    const before = remote.counts.client_credentials;
    const res = await post(jar, `${consentry.baseUrl}/clients/${clientRef}/application-connection`, {
      _csrf: csrfFrom(p.html),
      scopes: 'api:write',
      params: 'resource=https://console.example.test',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/clients/${clientRef}/connections`);
    expect(remote.counts.client_credentials).toBe(before + 1);
    const made = (await consentry.app.store.connections.list({ clientRef })).find(
      (c) => c.grantRequest?.params.resource === 'https://console.example.test',
    );
    expect(made).toMatchObject({
      grantType: 'client_credentials',
      purpose: 'console',
      scopes: ['api:write'],
    });

    await createUser(consentry, 'user-cc@example.org', ['connect_accounts']);
    const userJar = await signIn(consentry, 'user-cc@example.org');
    const home = await page(userJar, `${consentry.baseUrl}/`);
    const refused = await post(userJar, `${consentry.baseUrl}/clients/${clientRef}/application-connection`, {
      _csrf: csrfFrom(home.html),
    });
    expect(refused.status).toBe(403);
  });

  it('the service behind `consentry connections create` is idempotent and administrator-only', async () => {
    const { OPERATOR } = await import('../../src/console/actor.ts');
    const a = await consentry.app.console.oauth.connectApplication(OPERATOR, {
      clientId: clientRef,
      scopes: ['api:read'],
      params: { audience_hint: 'cli' },
    });
    const b = await consentry.app.console.oauth.connectApplication(OPERATOR, {
      clientId: clientRef,
      scopes: ['api:read'],
      params: { audience_hint: 'cli' },
    });
    expect(b.id).toBe(a.id);
    expect(a.grantType).toBe('client_credentials');
  });

  it('`consentry connections create` validates its arguments before opening anything', async () => {
    const { cli } = await import('../cli/support.ts');
    const env = { DATA_DIR: consentry.dataDir, PUBLIC_BASE_URL: consentry.baseUrl };
    const badGrant = await cli(['connections', 'create', '--client', clientRef, '--grant', 'password'], env);
    expect(badGrant.code).not.toBe(0);
    expect(badGrant.stderr).toContain('GRANT_UNSUPPORTED');
    const badParam = await cli(['connections', 'create', '--client', clientRef, '--param', 'novalue'], env);
    expect(badParam.code).not.toBe(0);
    expect(badParam.stderr).toContain('name=value');
  });
});
