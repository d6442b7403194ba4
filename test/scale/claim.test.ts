import { createServer, type Server } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ProviderRegistry } from '../../src/catalog/registry.ts';
import { BackgroundRefresher } from '../../src/core/background-refresher.ts';
import type { ConnectionEvent } from '../../src/core/consumers.ts';
import { ConsumerRegistry } from '../../src/core/consumers.ts';
import { OAuth2Client } from '../../src/core/oauth2-client.ts';
import type { HealthState } from '../../src/domain/connection-health.ts';
import type { Store } from '../../src/storage/ports.ts';
import { type Dialect, dialects, type OpenedStore } from '../storage/dialects.ts';
import { loopbackFetch } from '../support/egress.ts';

/**
 * The background refresher's batch claim (issue 11, `refresher-throughput`): due connections are
 * leased in one statement (`claimDue`) and refreshed without a lease or read of their own, the
 * registered client's session reused while the client is unchanged. Against a loopback token
 * endpoint with rotation that counts every refresh token it is sent (a reuse is a double refresh).
 */
const ENGINES: Dialect[] = await dialects('claim');

interface TokenEndpoint {
  url: string;
  /** refresh token → times it was sent. */
  used: Map<string, number>;
  /** The client secrets seen in Basic authorization, in order. */
  secrets: string[];
  /** Answer every request with this (status, body) instead of tokens. */
  refuse: { status: number; body: Record<string, unknown> } | undefined;
  /** Hold each answer this long (ms). */
  delayMs: number;
  /** Requests answered; requests being answered now, and the most at once. */
  served: number;
  inFlight: number;
  maxInFlight: number;
  close(): Promise<void>;
}

async function tokenEndpoint(): Promise<TokenEndpoint> {
  let n = 0;
  const state: Omit<TokenEndpoint, 'url' | 'close'> = {
    used: new Map(),
    secrets: [],
    refuse: undefined,
    delayMs: 0,
    served: 0,
    inFlight: 0,
    maxInFlight: 0,
  };
  const server: Server = createServer((req, res) => {
    state.inFlight++;
    state.maxInFlight = Math.max(state.maxInFlight, state.inFlight);
    res.on('finish', () => {
      state.inFlight--;
      state.served++;
    });
    let body = '';
    req.on('data', (d) => {
      body += d;
    });
    req.on('end', async () => {
      if (state.delayMs > 0) await new Promise((r) => setTimeout(r, state.delayMs));
      const basic = Buffer.from(
        (req.headers.authorization ?? '').replace(/^Basic /, ''),
        'base64',
      ).toString();
      state.secrets.push(decodeURIComponent(basic.split(':')[1] ?? ''));
      const rt = new URLSearchParams(body).get('refresh_token') ?? '';
      state.used.set(rt, (state.used.get(rt) ?? 0) + 1);
      res.setHeader('content-type', 'application/json');
      if (state.refuse) {
        res.writeHead(state.refuse.status);
        res.end(JSON.stringify(state.refuse.body));
        return;
      }
      n++;
      res.end(
        JSON.stringify({
          access_token: `at-${n}`,
          refresh_token: `rt-${n}`,
          token_type: 'Bearer',
          expires_in: 3600,
        }),
      );
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  return Object.assign(state, {
    url: `http://127.0.0.1:${port}/token`,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  });
}

for (const engine of ENGINES) {
  describe.skipIf(!engine.available)(`batch claim on ${engine.name}`, () => {
    let s: OpenedStore;
    let store: Store;
    let endpoint: TokenEndpoint;
    let providers: ProviderRegistry;
    let clientRef: string;
    const events: ConnectionEvent[] = [];

    const oauth2Client = (instanceId: string) =>
      new OAuth2Client({
        store,
        providers,
        consumers: new ConsumerRegistry(),
        redirectUri: 'http://localhost/oauth/callback',
        instanceId,
        protocol: { allowInsecure: () => true, timeoutMs: 10_000, fetch: loopbackFetch },
        recordEvent: async (e) => {
          events.push(e);
        },
      });
    const refresher = (client: OAuth2Client, batchSize = 100) =>
      new BackgroundRefresher({
        client,
        connections: store.connections,
        providerOf: (k) => (providers.has(k) ? providers.get(k) : undefined),
        emit: () => {},
        windowSeconds: 300,
        batchSize,
        perProviderConcurrency: 4,
        perProviderRatePerSecond: 0,
      });
    /** `n` connections due within the window (rt-initial-<tag>-<i>). */
    const due = async (n: number, tag: string) => {
      const ids: string[] = [];
      for (let i = 0; i < n; i++) {
        const c = await store.connections.insert(
          {
            clientRef,
            providerKey: 'remote',
            purpose: 'claim',
            payload: {},
            account: undefined,
            subject: undefined,
            issuer: undefined,
            accessToken: `at-initial-${tag}-${i}`,
            refreshToken: `rt-initial-${tag}-${i}`,
            tokenType: 'bearer',
            scopes: ['read'],
            expiresAt: new Date(Date.now() + 60_000 + i),
          },
          new Date(),
        );
        ids.push(c.id);
      }
      return ids;
    };

    beforeAll(async () => {
      s = await engine.open();
      store = s.store;
      endpoint = await tokenEndpoint();
      providers = new ProviderRegistry([
        {
          key: 'remote',
          displayName: 'Remote',
          protocol: 'oauth2',
          endpoints: { authorization: 'http://127.0.0.1/authorize', token: endpoint.url },
          refreshToken: { issued: 'always', rotates: true },
        },
      ]);
      clientRef = (
        await store.clients.create({
          providerKey: 'remote',
          name: 'remote',
          clientId: 'claim-client',
          clientSecret: 'secret-1',
        })
      ).id;
    });
    afterEach(async () => {
      // Each test starts with nothing due.
      for (const c of await store.connections.list()) await store.connections.delete(c.id);
      endpoint.refuse = undefined;
      endpoint.delayMs = 0;
      endpoint.maxInFlight = 0;
      events.length = 0;
    });
    afterAll(async () => {
      await endpoint?.close();
      await s?.close();
    });

    it('claimDue: concurrent claims get disjoint rows covering every due one, leased, with the token opened', async () => {
      const ids = await due(30, 'disjoint');
      const now = new Date();
      const before = new Date(now.getTime() + 300_000);
      const claims = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          store.connections.claimDue(before, now, 5, {
            owner: `owner-${i}`,
            until: new Date(now.getTime() + 30_000),
          }),
        ),
      );
      const claimed = claims.flat();
      expect(claimed).toHaveLength(30);
      expect(new Set(claimed.map((c) => c.connection.id))).toEqual(new Set(ids));
      for (const batch of claims) {
        expect(batch.length).toBeLessThanOrEqual(5);
        // Soonest expiry first.
        const expiries = batch.map((c) => c.connection.expiresAt!.getTime());
        expect(expiries).toEqual([...expiries].sort((a, b) => a - b));
      }
      for (const c of claimed) {
        expect(c.connection.leaseOwner).toBe(c.owner);
        expect(c.refreshToken).toMatch(/^rt-initial-disjoint-\d+$/);
        expect(c.clientStamp).toBeTypeOf('number');
        const row = (await store.connections.get(c.connection.id))!;
        expect(row.leaseOwner).toBe(c.owner);
      }
      // Leased: nothing is left to claim, and ensureFresh's lease cannot be taken either.
      expect(await store.connections.claimDue(before, now, 100, { owner: 'late', until: before })).toEqual(
        [],
      );
      expect(await store.connections.tryAcquireLease(ids[0]!, 'other', before, now)).toBe(false);
      // A lease that ran out can be claimed again (its owner died).
      const later = new Date(now.getTime() + 31_000);
      expect(
        await store.connections.claimDue(new Date(later.getTime() + 300_000), later, 100, {
          owner: 'next',
          until: new Date(later.getTime() + 30_000),
        }),
      ).toHaveLength(30);
    });

    it('two refreshers racing over the same due rows: every row refreshed exactly once, no refresh token sent twice', async () => {
      const ids = await due(40, 'race');
      const a = refresher(oauth2Client('instance-a'), 40);
      const b = refresher(oauth2Client('instance-b'), 40);
      const sent = () => [...endpoint.used.keys()].filter((k) => k.startsWith('rt-initial-race-')).length;
      const [ra, rb] = await Promise.all([a.sweep(), b.sweep()]);
      expect(ra.due + rb.due).toBe(40);
      expect(ra.refreshed + rb.refreshed).toBe(40);
      expect(ra.failed + rb.failed + ra.needsReauth + rb.needsReauth).toBe(0);
      expect(sent()).toBe(40);
      for (const [token, times] of endpoint.used)
        if (token.startsWith('rt-initial-race-')) expect(times).toBe(1);
      for (const id of ids) {
        const c = (await store.connections.get(id))!;
        expect(c).toMatchObject({ status: 'active', version: 2, leaseOwner: undefined, failureCount: 0 });
        expect(c.expiresAt!.getTime()).toBeGreaterThan(Date.now() + 3000_000);
        // The stored refresh token is the rotated one, which the provider has not seen yet.
        const rt = (await store.connections.refreshTokenOf(id))!;
        expect(rt).toMatch(/^rt-\d+$/);
        expect(endpoint.used.has(rt)).toBe(false);
      }
      expect(events.filter((e) => e.type === 'refreshed')).toHaveLength(40);
      // Nothing due any more: another sweep sends nothing.
      const before = endpoint.used.size;
      expect((await a.sweep()).due).toBe(0);
      expect(endpoint.used.size).toBe(before);
    });

    it('a refused client: its connections are not claimed (no token request) until an administrator updates it; the new secret is used', async () => {
      const client = oauth2Client('instance-refused');
      const r = refresher(client);
      // Warm the session cache with secret-1.
      await due(2, 'warm');
      expect((await r.sweep()).refreshed).toBe(2);
      expect(endpoint.secrets.at(-1)).toBe('secret-1');
      for (const c of await store.connections.list()) await store.connections.delete(c.id);

      await due(5, 'refused');
      const health: HealthState = {
        cause: 'client_invalid',
        evidence: {
          provider: 'remote',
          stage: 'refresh',
          error: 'invalid_client',
          at: new Date().toISOString(),
          attempts: 1,
        },
      };
      expect(await store.clients.flagRefused(clientRef, health, new Date())).toBe(true);
      const requests = endpoint.secrets.length;
      const report = await r.sweep();
      expect(report.due).toBe(0);
      expect(endpoint.secrets.length).toBe(requests);
      // The administrator fixes the secret: the flag clears and the connections resume by themselves,
      // with the new secret (the cached session of the old one is not used).
      await store.clients.update(clientRef, { clientSecret: 'secret-2' });
      const resumed = await r.sweep();
      expect(resumed.refreshed).toBe(5);
      expect(endpoint.secrets.slice(requests)).toEqual(Array(5).fill('secret-2'));
    });

    it('a provider refusing the client mid-sweep: flagged once, the rest of the claim released without a request', async () => {
      const ids = await due(12, 'midway');
      endpoint.refuse = { status: 401, body: { error: 'invalid_client' } };
      const client = oauth2Client('instance-midway');
      const r = new BackgroundRefresher({
        client,
        connections: store.connections,
        providerOf: (k) => (providers.has(k) ? providers.get(k) : undefined),
        emit: () => {},
        batchSize: 100,
        // One lane: the first refusal pauses the client before any other request.
        perProviderConcurrency: 1,
        perProviderRatePerSecond: 0,
      });
      const requests = endpoint.secrets.length;
      const report = await r.sweep();
      expect(report.due).toBe(12);
      expect(report.refreshed).toBe(0);
      expect(endpoint.secrets.length - requests).toBe(1);
      expect((await store.clients.get(clientRef))!.refusal?.cause).toBe('client_invalid');
      // No lease left behind: every claimed row was released or recorded as failed.
      for (const id of ids) expect((await store.connections.get(id))!.leaseOwner).toBeUndefined();
      // Refused: the next sweep claims nothing.
      expect((await r.sweep()).due).toBe(0);
      expect(endpoint.secrets.length - requests).toBe(1);
      endpoint.refuse = undefined;
      await store.clients.update(clientRef, { clientSecret: 'secret-3' });
    });

    it('a per-provider rate that is not a whole number (BACKGROUND_REFRESH_PER_PROVIDER_RATE=12.55): claims whole chunks', async () => {
      await due(3, 'fractional');
      // The chunk follows the rate (ten seconds' worth): 125.5 was sent as the claim's LIMIT,
      // which both engines refuse ("datatype mismatch", "invalid input syntax for type bigint").
      const r = new BackgroundRefresher({
        client: oauth2Client('instance-fractional'),
        connections: store.connections,
        providerOf: (k) => (providers.has(k) ? providers.get(k) : undefined),
        emit: () => {},
        batchSize: 200,
        perProviderConcurrency: 4,
        perProviderRatePerSecond: 12.55,
      });
      const report = await r.sweep();
      expect(report.due).toBe(3);
      expect(report.refreshed).toBe(3);
    });

    it('a rate-limited (paused) client: nothing claimed until the pause ends', async () => {
      await due(3, 'paused');
      const health: HealthState = {
        cause: 'rate_limited',
        evidence: {
          provider: 'remote',
          stage: 'refresh',
          status: 429,
          at: new Date().toISOString(),
          attempts: 1,
        },
      };
      const client = oauth2Client('instance-paused');
      const r = refresher(client);
      await store.clients.pauseUntil(clientRef, new Date(Date.now() + 60_000), health);
      const requests = endpoint.secrets.length;
      expect((await r.sweep()).due).toBe(0);
      expect(endpoint.secrets.length).toBe(requests);
      // The pause ends (test arrangement: moved into the past).
      await s.handle.db
        .updateTable('oauth_clients')
        .set({ paused_until: Date.now() - 1 })
        .where('id', '=', clientRef)
        .execute();
      expect((await r.sweep()).refreshed).toBe(3);
      expect(endpoint.secrets.length - requests).toBe(3);
    });
    it('claims the next chunk while the current one is refreshed: the provider never waits for a claim', async () => {
      await due(600, 'stream');
      endpoint.delayMs = 2;
      const client = oauth2Client('instance-stream');
      const servedAtClaim: number[] = [];
      const claimDue = client.claimDue.bind(client);
      client.claimDue = (before, limit) => {
        servedAtClaim.push(endpoint.served);
        return claimDue(before, limit);
      };
      const start = endpoint.served;
      const report = await refresher(client, 600).sweep();
      expect(report).toMatchObject({ due: 600, refreshed: 600, failed: 0 });
      expect(endpoint.served - start).toBe(600);
      for (const [token, times] of endpoint.used)
        if (token.startsWith('rt-initial-stream-')) expect(times).toBe(1);
      // Chunks of 256: the second claim went out while the first chunk was still being refreshed
      // (before, it waited for all 256 answers).
      expect(servedAtClaim.length).toBeGreaterThanOrEqual(3);
      expect(servedAtClaim[1]! - start).toBeLessThan(256);
      expect(endpoint.maxInFlight).toBeLessThanOrEqual(4);
    });

    it('a lane takes its next connection once the provider answered, while the answer is committed', async () => {
      const ids = await due(10, 'lane');
      const client = oauth2Client('instance-lane');
      const start = endpoint.served;
      // Every commit waits until the provider has answered all 10 (or 20 s, failing below): with
      // lanes held until their commit, only 2 (the concurrency) could ever be answered.
      let servedAtOpen = -1;
      const open = new Promise<void>((resolve) => {
        const check = setInterval(() => {
          if (endpoint.served - start >= 10) {
            clearInterval(check);
            clearTimeout(limit);
            servedAtOpen = endpoint.served - start;
            resolve();
          }
        }, 5);
        const limit = setTimeout(() => {
          clearInterval(check);
          servedAtOpen = endpoint.served - start;
          resolve();
        }, 20_000);
      });
      const commit = store.connections.commitRefresh;
      store.connections.commitRefresh = async (...args) => {
        await open;
        return commit.apply(store.connections, args);
      };
      try {
        const r = await new BackgroundRefresher({
          client,
          connections: store.connections,
          providerOf: (k) => (providers.has(k) ? providers.get(k) : undefined),
          emit: () => {},
          windowSeconds: 300,
          batchSize: 10,
          perProviderConcurrency: 2,
          perProviderRatePerSecond: 0,
        }).sweep();
        expect(r).toMatchObject({ due: 10, refreshed: 10, failed: 0 });
      } finally {
        store.connections.commitRefresh = commit;
      }
      expect(servedAtOpen).toBe(10);
      expect(endpoint.maxInFlight).toBeLessThanOrEqual(2);
      for (const id of ids) expect((await store.connections.get(id))?.version).toBe(2);
    });
  });
}
