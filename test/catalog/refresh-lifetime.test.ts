import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareClientRegistration } from '../../src/catalog/api.ts';
import { CATALOG } from '../../src/catalog/providers/index.ts';
import { ProviderRegistry } from '../../src/catalog/registry.ts';
import { catalogRefreshLifetimes } from '../../src/core/refresh-lifetime.ts';
import type { TestConsentry } from '../support/consentry.ts';
import type { StandIn } from '../support/stand-in.ts';
import { startStandInConsentry, toStandIn } from './support.ts';

/**
 * Google's 7-day refresh-token lifetime applies only to apps in "Testing" publishing status: the
 * registered client says which (`publishing_status`), and the expiry is stamped per client —
 * through a full handleCallback against a stand-in answering as Google documents.
 */
const registry = new ProviderRegistry(CATALOG);
const DAY = 86_400_000;
const SESSION = 'browser-session-google-lifetime-0123';
let standIn: StandIn;
let app: TestConsentry;

beforeAll(async () => {
  ({ standIn, app } = await startStandInConsentry(
    ['google'],
    [{ purpose: 'calendar_sync', onTokenGranted: () => '/calendar/connected' }],
  ));
});
afterAll(async () => {
  await app?.close();
  await standIn?.close();
});

async function register(name: string, values: Record<string, string>) {
  return app.app.store.clients.create(
    await prepareClientRegistration(app.app.providers, {
      providerKey: 'google',
      name,
      clientId: `${name}.apps.googleusercontent.com`,
      clientSecret: `GOCSPX-${name}`,
      templateValues: values,
    }),
  );
}

/** Consent + callback; Google's documented answer (no ID token: only the calendar scope). */
async function connect(clientRef: string, n: number) {
  const consent = new URL(
    await app.app.client.beginConsent({
      client: clientRef,
      scopes: ['https://www.googleapis.com/auth/calendar'],
      purpose: 'calendar_sync',
      returnUrl: '/calendar',
      session: SESSION,
    }),
  );
  standIn.answer({
    status: 200,
    body: {
      access_token: `ya29.a0AfH6SM-${n}`,
      expires_in: 3599,
      refresh_token: `1//0g-google-rt-${n}`,
      scope: 'https://www.googleapis.com/auth/calendar',
      token_type: 'Bearer',
    },
  });
  const q = new URLSearchParams({
    code: `4/0Ad-${n}`,
    state: consent.searchParams.get('state')!,
    iss: toStandIn('https://accounts.google.com', standIn.url),
  });
  expect(await app.app.client.handleCallback(`/oauth/callback?${q}`, SESSION)).toBe('/calendar/connected');
  const [connection] = await app.app.store.connections.list({ clientRef });
  return connection!;
}

describe('Google refresh-token lifetime per registered client', () => {
  it('a client in Testing status: refreshExpiresAt ≈ now + 7 days, not extended by a refresh', async () => {
    const client = await register('testing-app', { publishing_status: 'testing' });
    expect(client.templateValues).toEqual({ publishing_status: 'testing' });
    const c = await connect(client.id, 1);
    expect(c.refreshExpiresAt).toBeDefined();
    expect(Math.abs(c.refreshExpiresAt!.getTime() - (Date.now() + 7 * DAY))).toBeLessThan(60_000);

    // Google does not rotate: a refresh keeps the refresh token and its lapse date.
    standIn.answer({
      status: 200,
      body: { access_token: 'ya29.refreshed', expires_in: 3599, token_type: 'Bearer', scope: c.scopes[0] },
    });
    await app.app.client.refresh(c.id);
    expect((await app.app.store.connections.get(c.id))?.refreshExpiresAt?.getTime()).toBe(
      c.refreshExpiresAt!.getTime(),
    );
  });

  it('a published client (production, or the field left empty): no refreshExpiresAt', async () => {
    const production = await register('published-app', { publishing_status: 'production' });
    expect((await connect(production.id, 2)).refreshExpiresAt).toBeUndefined();
    const unset = await register('older-app', {});
    // An empty field takes its default: production.
    expect(unset.templateValues).toEqual({ publishing_status: 'production' });
    expect((await connect(unset.id, 3)).refreshExpiresAt).toBeUndefined();
    // A client stored before the field existed has no value at all: also production.
    const legacy = await app.app.store.clients.create({
      providerKey: 'google',
      name: 'legacy',
      clientId: 'legacy.apps.googleusercontent.com',
      clientSecret: 'GOCSPX-legacy',
    });
    expect((await connect(legacy.id, 4)).refreshExpiresAt).toBeUndefined();
  });

  it('a reconnect of a testing client stamps the new refresh token again', async () => {
    const client = await register('testing-reconnect', { publishing_status: 'testing' });
    const first = await connect(client.id, 5);
    // Pretend it was stamped long ago, then reconnect: the new refresh token gets a fresh 7 days.
    await app.app.store.connections.replaceTokens(
      first.id,
      {
        accessToken: 'ya29.old',
        refreshToken: 'old-rt',
        tokenType: 'bearer',
        scopes: first.scopes,
        expiresAt: undefined,
        refreshExpiresAt: new Date(Date.now() + DAY),
      },
      new Date(),
    );
    const consent = new URL(
      await app.app.client.beginConsent({
        client: client.id,
        scopes: ['https://www.googleapis.com/auth/calendar'],
        purpose: 'calendar_sync',
        returnUrl: '/calendar',
        session: SESSION,
        reconnect: first.id,
      }),
    );
    standIn.answer({
      status: 200,
      body: { access_token: 'ya29.new', expires_in: 3599, refresh_token: '1//0g-new', token_type: 'Bearer' },
    });
    const q = new URLSearchParams({
      code: '4/0Ad-re',
      state: consent.searchParams.get('state')!,
      iss: toStandIn('https://accounts.google.com', standIn.url),
    });
    await app.app.client.handleCallback(`/oauth/callback?${q}`, SESSION);
    const after = await app.app.store.connections.get(first.id);
    expect(Math.abs(after!.refreshExpiresAt!.getTime() - (Date.now() + 7 * DAY))).toBeLessThan(60_000);
  });

  it('the publishing status is validated at registration', async () => {
    await expect(register('typo', { publishing_status: 'published' })).rejects.toMatchObject({
      code: 'CLIENT_INVALID',
      facts: { field: 'publishing_status' },
    });
  });

  it('unconditional lifetimes need no client read; unknown providers and providers without one get none', () => {
    const reads: string[] = [];
    const clients = {
      get: async (id: string) => {
        reads.push(id);
        return undefined;
      },
    };
    const lifetimeOf = catalogRefreshLifetimes(registry, clients);
    expect(lifetimeOf({ providerKey: 'microsoft', clientRef: 'm' })).toEqual({
      lifetimeMs: 90 * DAY,
      rotates: true,
    });
    expect(lifetimeOf({ providerKey: 'github', clientRef: 'g' })).toBeUndefined();
    expect(lifetimeOf({ providerKey: 'no-such', clientRef: 'x' })).toBeUndefined();
    expect(reads).toEqual([]);
  });
});
