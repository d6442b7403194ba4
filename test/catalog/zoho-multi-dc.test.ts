import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPERATOR } from '../../src/console/actor.ts';
import type { RegisteredClient } from '../../src/domain/connection.ts';
import { isConsentryError } from '../../src/domain/errors.ts';
import { startConsentry, type TestConsentry } from '../support/consentry.ts';
import { type StandIn, startStandIn } from '../support/stand-in.ts';

/**
 * Zoho multi-DC (https://www.zoho.com/accounts/protocol/oauth/multi-dc/client-authorization.html):
 * the client is registered in the US data centre; a European user is sent back with
 * `location=eu&accounts-server=https://accounts.zoho.eu`, and the code is valid only there. The
 * real catalog entry is used; every https request is routed to a stand-in that records which
 * host it was meant for (`/accounts.zoho.eu/oauth/v2/token`).
 */
const SESSION = 'browser-session-zoho-multi-dc-000001';
const SECRET = 'zoho-secret-1.a_b~c';
let standIn: StandIn;
let app: TestConsentry;
let us: RegisteredClient;

const zohoAnswer = (apiDomain: string) => ({
  status: 200,
  body: {
    access_token: '1000.access.eu',
    refresh_token: '1000.refresh.eu',
    api_domain: apiDomain,
    token_type: 'Bearer',
    expires_in: 3600,
  },
});

beforeAll(async () => {
  standIn = await startStandIn();
  app = await startConsentry({
    env: { DEMO_PROVIDER: 'false' },
    consumers: [{ purpose: 'crm', onTokenGranted: () => '/crm/connected' }],
    clientOptions: {
      protocol: {
        allowInsecure: () => true,
        timeoutMs: 10_000,
        // Nothing leaves the machine: https://host/path → stand-in/host/path.
        fetch: (url, init) => fetch(url.replace(/^https:\/\//, `${standIn.url}/`), init),
      },
    },
  });
  us = await app.app.console.oauth.createClient(OPERATOR, 'zoho', {
    name: 'CRM (US)',
    clientId: '1000.GMB0YULZHJK411248S8I5GZ4CHUEX0',
    clientSecret: SECRET,
    templateValues: { dc: 'com' },
  });
});
afterAll(async () => {
  await app?.close();
  await standIn?.close();
});

async function begin(client: RegisteredClient): Promise<{ consent: URL; state: string }> {
  const consent = new URL(
    await app.app.client.beginConsent({
      client: client.id,
      scopes: ['ZohoCRM.modules.ALL'],
      purpose: 'crm',
      returnUrl: '/crm',
      session: SESSION,
    }),
  );
  return { consent, state: consent.searchParams.get('state')! };
}

describe('Zoho multi-DC: the token host named by the redirect', () => {
  it('a European user of a US client: exchange, refresh and revocation at accounts.zoho.eu', async () => {
    const { consent, state } = await begin(us);
    expect(consent.origin).toBe('https://accounts.zoho.com');
    standIn.answer(zohoAnswer('https://www.zohoapis.eu'));
    const from = standIn.requests.length;
    // Exactly as Zoho sends it back.
    const target = await app.app.client.handleCallback(
      `/oauth/callback?code=1000.86a03ca5dbfccb7445b1889b8215efb0&state=${state}&location=eu&accounts-server=https%3A%2F%2Faccounts.zoho.eu`,
      SESSION,
    );
    expect(target).toBe('/crm/connected');
    const exchange = standIn.requests.slice(from);
    expect(exchange.map((r) => r.path)).toEqual(['/accounts.zoho.eu/oauth/v2/token']);
    const body = new URLSearchParams(exchange[0]!.body);
    expect(body.get('client_secret')).toBe(SECRET); // Zoho: client_secret_post
    const [connection] = await app.app.store.connections.list({ clientRef: us.id });
    expect(connection?.tokenHost).toBe('https://accounts.zoho.eu');
    expect(connection?.extras.api_domain).toBe('https://www.zohoapis.eu');

    standIn.answer({
      status: 200,
      body: { access_token: '1000.access.eu.2', token_type: 'Bearer', expires_in: 3600 },
    });
    await app.app.client.refresh(connection!.id);
    standIn.answer({ status: 200, body: '' });
    expect(await app.app.client.revoke(connection!.id)).toEqual({ atProvider: true });
    expect(standIn.requests.slice(from + 1).map((r) => r.path)).toEqual([
      '/accounts.zoho.eu/oauth/v2/token',
      '/accounts.zoho.eu/oauth/v2/token/revoke',
    ]);
  });

  it('Canada is accounts.zohocloud.ca, as a registration and as an accounts-server', async () => {
    const ca = await app.app.console.oauth.createClient(OPERATOR, 'zoho', {
      name: 'CRM (CA)',
      clientId: '1000.CANADA',
      clientSecret: SECRET,
      templateValues: { dc: 'ca' },
    });
    expect((await begin(ca)).consent.origin).toBe('https://accounts.zohocloud.ca');
    const { state } = await begin(us);
    standIn.answer(zohoAnswer('https://www.zohoapis.ca'));
    const from = standIn.requests.length;
    await app.app.client.handleCallback(
      `/oauth/callback?code=c&state=${state}&location=ca&accounts-server=https%3A%2F%2Faccounts.zohocloud.ca`,
      SESSION,
    );
    expect(standIn.requests.slice(from).map((r) => r.path)).toEqual([
      '/accounts.zohocloud.ca/oauth/v2/token',
    ]);
  });

  it('every data centre of Zoho’s table is where its registration sends the browser', async () => {
    const table: Record<string, string> = {
      com: 'https://accounts.zoho.com',
      eu: 'https://accounts.zoho.eu',
      in: 'https://accounts.zoho.in',
      'com.au': 'https://accounts.zoho.com.au',
      jp: 'https://accounts.zoho.jp',
      ca: 'https://accounts.zohocloud.ca',
      sa: 'https://accounts.zoho.sa',
      uk: 'https://accounts.zoho.uk',
      'com.cn': 'https://accounts.zoho.com.cn',
    };
    const entry = app.app.providers.get('zoho');
    expect([...(entry.tokenHost?.allowed ?? [])].sort()).toEqual(Object.values(table).sort());
    for (const [dc, origin] of Object.entries(table)) {
      const c = await app.app.console.oauth.createClient(OPERATOR, 'zoho', {
        name: `DC ${dc}`,
        clientId: `1000.${dc}`,
        clientSecret: SECRET,
        templateValues: { dc },
      });
      const { consent } = await begin(c);
      expect(`${consent.origin}${consent.pathname}`).toBe(`${origin}/oauth/v2/auth`);
    }
  });

  const forged = [
    'https://accounts.zoho.evil.example',
    'https://accounts.zoho.eu.evil.example',
    'https://evil.example/accounts.zoho.eu',
    'http://accounts.zoho.eu',
    'https://accounts.zoho.eu@evil.example',
    'https://accounts.zoho.eu/oauth',
    'not a url',
  ];
  for (const value of forged) {
    it(`a forged accounts-server (${value}) is refused before any request; nothing is stored`, async () => {
      const { state } = await begin(us);
      const from = standIn.requests.length;
      const stored = (await app.app.store.connections.list({ clientRef: us.id })).length;
      const error = await app.app.client
        .handleCallback(
          `/oauth/callback?code=c&state=${state}&location=eu&accounts-server=${encodeURIComponent(value)}`,
          SESSION,
        )
        .catch((e: unknown) => e);
      expect(isConsentryError(error, 'TOKEN_HOST_REFUSED')).toBe(true);
      expect(standIn.requests.length).toBe(from);
      expect((await app.app.store.connections.list({ clientRef: us.id })).length).toBe(stored);
    });
  }

  it('a repeated accounts-server is refused before any request', async () => {
    const { state } = await begin(us);
    const from = standIn.requests.length;
    const error = await app.app.client
      .handleCallback(
        `/oauth/callback?code=c&state=${state}&accounts-server=https%3A%2F%2Faccounts.zoho.eu&accounts-server=https%3A%2F%2Faccounts.zoho.in`,
        SESSION,
      )
      .catch((e: unknown) => e);
    expect(isConsentryError(error, 'CALLBACK_PARAMETER_DUPLICATED')).toBe(true);
    expect(standIn.requests.length).toBe(from);
  });

  it('a provider that declares no token host ignores the parameter (the entry’s host is used)', async () => {
    const stand = await app.app.console.oauth.createClient(OPERATOR, 'custom', {
      name: 'No token host',
      clientId: 'plain',
      clientSecret: SECRET,
      templateValues: {
        authorization_url: 'https://auth.example.com/authorize',
        token_url: 'https://auth.example.com/token',
      },
    });
    const consent = new URL(
      await app.app.client.beginConsent({
        client: stand.id,
        scopes: ['read'],
        purpose: 'crm',
        returnUrl: '/crm',
        session: SESSION,
      }),
    );
    standIn.answer({ status: 200, body: { access_token: 'a', token_type: 'Bearer' } });
    const from = standIn.requests.length;
    await app.app.client.handleCallback(
      `/oauth/callback?code=c&state=${consent.searchParams.get('state')}&accounts-server=https%3A%2F%2Fevil.example`,
      SESSION,
    );
    expect(standIn.requests.slice(from).map((r) => r.path)).toEqual(['/auth.example.com/token']);
  });
});
