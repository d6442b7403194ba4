import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clearDiscoveryCache } from '../../src/protocol/provider-session.ts';
import { MAX_FLOWS_PER_SESSION } from '../../src/storage/flows.repository.ts';
import { startConsentry, type TestConsentry } from '../support/consentry.ts';

/**
 * Issue 10, findings 7 (bounded anonymous work), 9 (the POST callback forwards only known,
 * bounded parameters) and 12 (HSTS on https, headers from helmet).
 */
describe('finding 7: public flow starts are bounded', () => {
  let c: TestConsentry;
  let server: Server;
  let hits = 0;
  let clientRef: string;
  beforeAll(async () => {
    // An issuer whose discovery fails (HTTP 500), on a loopback port the operator opened.
    server = createServer((_req, res) => {
      hits++;
      res.writeHead(500).end('down');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    c = await startConsentry({
      env: { EGRESS_ALLOW: `127.0.0.1:${port}` },
      listen: false,
      console: { signInBudgets: { flowStartsPerAddress: 5 } },
    });
    clientRef = (
      await c.app.store.clients.create({
        providerKey: 'oidc',
        name: 'Broken IdP',
        clientId: 'x',
        clientSecret: 'y',
        templateValues: { issuer: `http://127.0.0.1:${port}` },
      })
    ).id;
    clearDiscoveryCache();
  });
  afterAll(async () => {
    await c?.close();
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  it('30 starts from one address: 5 are served, the rest get 429; one discovery request; no flow rows', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) {
      const res = await c.app.server.inject({
        url: `/sign-in/with/${encodeURIComponent(clientRef)}`,
        remoteAddress: '198.51.100.20',
        headers: { accept: 'application/json' },
      });
      statuses.push(res.statusCode);
    }
    expect(statuses.filter((s) => s === 502).length).toBe(5);
    expect(statuses.filter((s) => s === 429).length).toBe(25);
    // Failed discovery is remembered briefly: one outbound request, not one per start.
    expect(hits).toBe(1);
    expect(await c.app.database.db.selectFrom('flows').selectAll().execute()).toEqual([]);
    // Another address is not affected by the first one's budget.
    const other = await c.app.server.inject({
      url: `/sign-in/with/${encodeURIComponent(clientRef)}`,
      remoteAddress: '203.0.113.20',
    });
    expect(other.statusCode).toBe(502);
    expect(hits).toBe(1);
  });

  it(`keeps at most ${MAX_FLOWS_PER_SESSION} open flows per browser session (the oldest give way)`, async () => {
    const demo = (await c.app.store.clients.list({ providerKey: 'demo' }))[0]!;
    const session = randomBytes(32).toString('base64url');
    const other = randomBytes(32).toString('base64url');
    const begin = (s: string) =>
      c.app.client.beginConsent({
        client: demo.id,
        preset: 'login',
        purpose: 'console',
        payload: {},
        returnUrl: '/',
        session: s,
      });
    await begin(other);
    for (let i = 0; i < MAX_FLOWS_PER_SESSION + 5; i++) await begin(session);
    const rows = await c.app.database.db.selectFrom('flows').select('session_hash').execute();
    const bySession = new Map<string, number>();
    for (const r of rows) bySession.set(r.session_hash, (bySession.get(r.session_hash) ?? 0) + 1);
    expect([...bySession.values()].sort((a, b) => a - b)).toEqual([1, MAX_FLOWS_PER_SESSION]);
  });
});

describe('finding 9: POST /oauth/callback forwards only known parameters, bounded, strings only', () => {
  let c: TestConsentry;
  beforeAll(async () => {
    c = await startConsentry({ listen: false });
  });
  afterAll(async () => {
    await c?.close();
  });

  it('55 KB of unknown fields never reach the Location header', async () => {
    const body = new URLSearchParams({ state: 'abc', code: 'def', iss: 'https://idp.example' });
    for (let i = 0; i < 55; i++) body.append(`junk${i}`, 'x'.repeat(1000));
    body.append('error_description', 'y'.repeat(5000)); // over the per-value bound: dropped
    const res = await c.app.server.inject({
      method: 'POST',
      url: '/oauth/callback',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: body.toString(),
    });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/oauth/callback?state=abc&code=def&iss=https%3A%2F%2Fidp.example');
  });

  it('nested JSON is not turned into "[object Object]"', async () => {
    const res = await c.app.server.inject({
      method: 'POST',
      url: '/oauth/callback',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      payload: JSON.stringify({ state: { a: 1 }, code: ['x', { b: 2 }] }),
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers.location).toBeUndefined();
    expect(res.json().error).toBe('CALLBACK_PARAMETER_MISSING');
  });
});

describe('finding 12: security headers (helmet) and HSTS on https', () => {
  it('sends HSTS only when PUBLIC_BASE_URL is https, and keeps the CSP', async () => {
    for (const [base, hsts] of [
      ['https://consentry.example.test', 'max-age=31536000'],
      [undefined, undefined],
    ] as const) {
      const c = await startConsentry({ listen: false, env: base ? { PUBLIC_BASE_URL: base } : {} });
      try {
        const res = await c.app.server.inject({ url: '/sign-in' });
        expect(res.headers['strict-transport-security']).toBe(hsts);
        expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
        expect(res.headers['content-security-policy']).toContain("script-src 'self'");
        expect(res.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
        expect(res.headers['x-frame-options']).toBe('DENY');
        expect(res.headers['x-content-type-options']).toBe('nosniff');
        expect(res.headers['referrer-policy']).toBe('no-referrer');
      } finally {
        await c.close();
      }
    }
  });
});
