import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mappingMatches } from '../../src/catalog/error-mappings.ts';
import type { ErrorMapping } from '../../src/catalog/provider.ts';
import { CATALOG } from '../../src/catalog/providers/index.ts';
import { ProviderRegistry } from '../../src/catalog/registry.ts';
import { isConsentryError } from '../../src/domain/errors.ts';
import { type HealthFixture, healthFixture, SENTINEL_AT, SENTINEL_RT, SENTINEL_SECRET } from './fixture.ts';

/**
 * Generated: one test per error mapping a catalog entry declares. The mapping's documented example
 * answer goes through the whole path (quirk module, HTTP-200 error rule, classification, storage)
 * against a loopback stand-in, and the outcome must be the one the mapping names: `grant_dead` →
 * needs_reauth with its cause and docs link and no further token request; `client_invalid` → the
 * client flagged and paused; `transient` → the token kept, retried after the backoff.
 */
const registry = new ProviderRegistry(CATALOG);
const mapped = registry.all().filter((p) => p.errors.length > 0);
const cases = mapped.flatMap((p) => p.errors.map((m, i) => ({ key: p.key, m, i })));

let f: HealthFixture;
beforeAll(async () => {
  f = await healthFixture(mapped.map((p) => p.key));
});
afterAll(async () => {
  await f.close();
});

it('the catalog declares mappings for the providers issue 11 names', () => {
  for (const key of [
    'github',
    'slack',
    'atlassian',
    'zoho',
    'hubspot',
    'microsoft',
    'google',
    'salesforce',
    'xero',
    'quickbooks',
    'dropbox',
    'box',
  ])
    expect(registry.get(key).errors.length, key).toBeGreaterThan(0);
  expect(cases.length).toBeGreaterThanOrEqual(40);
});

function leaksNothing(value: unknown) {
  const text = JSON.stringify(value);
  for (const s of [SENTINEL_AT, SENTINEL_RT, SENTINEL_SECRET]) expect(text).not.toContain(s);
}

describe.each(cases)('$key mapping #$i', ({ key, m, i }) => {
  const label = `${m.outcome}/${m.cause} for ${JSON.stringify(m.when)} (${m.stage})`;

  it(`its example matches it and no earlier mapping of ${key}: ${label}`, () => {
    const provider = registry.get(key);
    const answer = {
      status: m.example.status,
      retryAfterSeconds: undefined,
      body: exampleAfterQuirk(key, m),
    };
    const stage = m.stage === 'exchange' ? 'exchange' : 'refresh';
    expect(mappingMatches(m, answer, stage)).toBe(true);
    expect(provider.errors.findIndex((x) => mappingMatches(x, answer, stage))).toBe(i);
  });

  it(`end to end through a stand-in: ${label}`, async () => {
    const clientRef = await f.client(key);
    const answer = {
      status: m.example.status,
      body: m.example.body,
      ...(m.example.headers ? { headers: m.example.headers } : {}),
    };
    if (m.stage === 'exchange') {
      const e = await f.exchange(clientRef, answer).catch((x: unknown) => x);
      if (m.outcome === 'client_invalid') {
        expect(isConsentryError(e, 'CLIENT_REFUSED'), String(e)).toBe(true);
      } else {
        expect(isConsentryError(e), String(e)).toBe(true);
        expect((e as { facts: Record<string, unknown> }).facts.cause).toBe(m.cause);
      }
      leaksNothing(e);
      return;
    }
    const id = await f.connection(clientRef, key);
    f.standIn.answer(answer);
    const before = f.tokenRequests();
    const e = await f.app.app.client.refresh(id).catch((x: unknown) => x);
    expect(f.tokenRequests() - before).toBe(1);
    const c = (await f.app.app.store.connections.get(id))!;
    leaksNothing([e, c.health, c.statusReason, c.lastError]);
    if (m.outcome === 'grant_dead') {
      expect(isConsentryError(e, 'CONNECTION_NEEDS_REAUTH'), String(e)).toBe(true);
      expect(c.status).toBe('needs_reauth');
      expect(c.health).toMatchObject({ cause: m.cause, evidence: { docs: m.docs, provider: key } });
    } else if (m.outcome === 'client_invalid') {
      expect(isConsentryError(e, 'CLIENT_REFUSED'), String(e)).toBe(true);
      expect(c.status).toBe('active');
      expect((await f.app.app.store.clients.get(clientRef))!.refusal?.cause).toBe('client_invalid');
    } else {
      expect(c.status).toBe('active');
      expect(c.accessToken).toBe(SENTINEL_AT);
      expect(c.health).toMatchObject({ cause: m.cause, evidence: { docs: m.docs } });
      const retryAfter = Number(m.example.headers?.['retry-after'] ?? 0) * 1000;
      expect(c.nextAttemptAt!.getTime() - f.clock.t).toBeGreaterThanOrEqual(retryAfter);
    }
    // Dead ends send nothing more, however often they are asked; transient ones wait their turn.
    const again = f.tokenRequests();
    await f.app.app.client.refresh(id).catch(() => {});
    expect(f.tokenRequests()).toBe(again);
  });
});

/** The body the classifier sees: Slack's quirk turns `{ok:false,error}` into an OAuth error. */
function exampleAfterQuirk(key: string, m: ErrorMapping): Record<string, unknown> {
  const body = m.example.body;
  if (key === 'slack' && body.ok === false) return { error: body.error };
  return body;
}
