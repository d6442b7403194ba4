import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOG } from '../../src/catalog/providers/index.ts';
import { ProviderRegistry } from '../../src/catalog/registry.ts';
import type { OAuth2Token } from '../../src/domain/token.ts';
import type { TestConsentry } from '../support/consentry.ts';
import type { StandIn } from '../support/stand-in.ts';
import { basicAuth, startStandInConsentry } from './support.ts';

/**
 * QuickBooks: Intuit sends the company id as `realmId` on the redirect to the callback, not in the
 * token answer. The entry keeps it (`keepCallbackParams`); it lands on `connection.extras.realmId`
 * through a full handleCallback, survives a rotating refresh, and a repeated one is refused before
 * any token request.
 */
const registry = new ProviderRegistry(CATALOG);
const SESSION = 'browser-session-quickbooks-0123456789';
let standIn: StandIn;
let app: TestConsentry;
let clientRef: string;
const granted: OAuth2Token[] = [];

/** Intuit's documented token answer (access token shortened). */
const answer = (n: number) => ({
  token_type: 'bearer',
  expires_in: 3600,
  refresh_token: `AB11${n}-quickbooks-rt`,
  x_refresh_token_expires_in: 8726400,
  access_token: `eyJlbmMiOiJBMTI4Q0JDLUhTMjU2IiwiYWxnIjoiZGlyIn0..quickbooks-at-${n}`,
});

beforeAll(async () => {
  ({ standIn, app } = await startStandInConsentry(
    ['quickbooks'],
    [
      {
        purpose: 'accounting',
        onTokenGranted(token) {
          granted.push(token);
          return '/accounting/connected';
        },
      },
    ],
  ));
  clientRef = (
    await app.app.store.clients.create({
      providerKey: 'quickbooks',
      name: 'QuickBooks',
      clientId: 'ABqb-client',
      clientSecret: 'qb-secret-SENTINEL',
    })
  ).id;
});
afterAll(async () => {
  await app?.close();
  await standIn?.close();
});

async function consentState(): Promise<string> {
  const consent = new URL(
    await app.app.client.beginConsent({
      client: clientRef,
      scopes: ['com.intuit.quickbooks.accounting'],
      purpose: 'accounting',
      returnUrl: '/accounting',
      session: SESSION,
    }),
  );
  return consent.searchParams.get('state')!;
}

describe('QuickBooks realmId', () => {
  it('is kept from the redirect on connection.extras.realmId, and survives a rotating refresh', async () => {
    const state = await consentState();
    standIn.answer({ status: 200, body: answer(1) });
    const mark = standIn.requests.length;
    const next = await app.app.client.handleCallback(
      `/oauth/callback?code=Q0115-code&state=${state}&realmId=4620816365178931160`,
      SESSION,
    );
    expect(next).toBe('/accounting/connected');
    // The token request is the plain one: realmId is not forwarded to Intuit.
    const [req] = standIn.requests.slice(mark);
    expect(req?.path).toBe('/oauth.platform.intuit.com/oauth2/v1/tokens/bearer');
    expect(req?.headers.authorization).toBe(basicAuth('ABqb-client', 'qb-secret-SENTINEL'));
    expect(new URLSearchParams(req!.body).has('realmId')).toBe(false);

    expect(granted.at(-1)?.extras).toEqual({ realmId: '4620816365178931160' });
    const [connection] = await app.app.store.connections.list({ clientRef });
    expect(connection?.extras).toEqual({ realmId: '4620816365178931160' });

    standIn.answer({ status: 200, body: answer(2) });
    const refreshed = await app.app.client.refresh(connection!.id);
    expect(refreshed.accessToken).toContain('quickbooks-at-2');
    expect(refreshed.extras.realmId).toBe('4620816365178931160');
    expect((await app.app.store.connections.get(connection!.id))?.extras.realmId).toBe('4620816365178931160');
  });

  it('a repeated realmId is refused before any token request, and nothing is stored', async () => {
    const before = (await app.app.store.connections.list({ clientRef })).length;
    const state = await consentState();
    const mark = standIn.requests.length;
    await expect(
      app.app.client.handleCallback(`/oauth/callback?code=c&state=${state}&realmId=1&realmId=2`, SESSION),
    ).rejects.toMatchObject({ code: 'CALLBACK_PARAMETER_DUPLICATED', facts: { parameter: 'realmId' } });
    expect(standIn.requests.length).toBe(mark);
    expect((await app.app.store.connections.list({ clientRef })).length).toBe(before);
  });

  it('entries without keepCallbackParams keep no redirect parameter', async () => {
    // Every other entry keeps nothing from the redirect: extras come from the token answer only.
    for (const p of registry.all()) {
      if (p.key !== 'quickbooks') expect(p.keepCallbackParams, p.key).toEqual([]);
    }
    expect(registry.get('quickbooks').keepCallbackParams).toEqual(['realmId']);
  });
});
