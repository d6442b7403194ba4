import { CATALOG } from '../../src/catalog/providers/index.ts';
import { ProviderRegistry } from '../../src/catalog/registry.ts';
import type { ClientEvent, ConnectionEvent, OAuth2Consumer } from '../../src/core/consumers.ts';
import { FACTS } from '../catalog/provider-facts.ts';
import { rewriteForStandIn, valuesForStandIn } from '../catalog/support.ts';
import { startConsentry, type TestConsentry } from '../support/consentry.ts';
import { type StandIn, startStandIn } from '../support/stand-in.ts';

/**
 * Connection health (issue 11): a Consentry whose catalog entries `keys` point at one stand-in that
 * answers exactly as each provider documents, a controllable clock (backoffs pass by moving it),
 * and every `connection` / `client` event recorded. Connections are stored the way the callback
 * stores them, with an access token that has already expired.
 */
export const PURPOSE = 'health_probe';
export const SENTINEL_RT = 'SENTINEL-REFRESH-TOKEN-5f1e2d3c4b5a';
export const SENTINEL_AT = 'SENTINEL-ACCESS-TOKEN-0a9b8c7d6e5f';
export const SENTINEL_SECRET = 'SENTINEL-CLIENT-SECRET-77aa88bb99cc';
export const SESSION = 'health-session-0123456789abcdef0123456789abcdef';

export interface HealthFixture {
  standIn: StandIn;
  app: TestConsentry;
  registry: ProviderRegistry;
  clock: { t: number };
  events: ConnectionEvent[];
  clientEvents: ClientEvent[];
  client(key: string): Promise<string>;
  connection(
    clientRef: string,
    key: string,
    extra?: { refreshExpiresAt?: Date; extras?: Record<string, string> },
  ): Promise<string>;
  /** Token-endpoint requests (refresh or exchange) the stand-in received so far. */
  tokenRequests(): number;
  /** Runs one authorization-code flow whose exchange the stand-in answers with `answer`. */
  exchange(clientRef: string, answer: Parameters<StandIn['answer']>[0]): Promise<string>;
  close(): Promise<void>;
}

export async function healthFixture(keys: readonly string[]): Promise<HealthFixture> {
  const standIn = await startStandIn();
  const registry = new ProviderRegistry(CATALOG);
  const clock = { t: Date.now() };
  const consumer: OAuth2Consumer = { purpose: PURPOSE, onTokenGranted: () => '/granted' };
  const app = await startConsentry({
    env: { DEMO_PROVIDER: 'false', BACKGROUND_REFRESH: 'false' },
    consumers: [consumer],
    providers: keys.map((k) => rewriteForStandIn(registry.get(k), standIn.url)),
    clientOptions: { now: () => new Date(clock.t) },
  });
  const events: ConnectionEvent[] = [];
  const clientEvents: ClientEvent[] = [];
  app.app.client.events.on('connection', (e) => events.push(e));
  app.app.client.events.on('client', (e) => clientEvents.push(e));
  let n = 0;
  return {
    standIn,
    app,
    registry,
    clock,
    events,
    clientEvents,
    async client(key) {
      const values = FACTS.find((f) => f.key === key)?.values ?? {};
      const c = await app.app.store.clients.create({
        providerKey: key,
        name: `${key} ${++n}`,
        clientId: `client-${key}`,
        clientSecret: SENTINEL_SECRET,
        templateValues: valuesForStandIn(values, standIn.url),
      });
      return c.id;
    },
    async connection(clientRef, key, extra = {}) {
      const c = await app.app.store.connections.insert(
        {
          accessToken: SENTINEL_AT,
          refreshToken: SENTINEL_RT,
          tokenType: 'bearer',
          scopes: [],
          expiresAt: new Date(clock.t - 1000),
          refreshExpiresAt: extra.refreshExpiresAt,
          extras: extra.extras ?? {},
          clientRef,
          providerKey: key,
          purpose: PURPOSE,
          payload: {},
          account: 'someone@example.org',
          subject: undefined,
          issuer: undefined,
        },
        new Date(clock.t),
      );
      return c.id;
    },
    tokenRequests() {
      return standIn.requests.filter((r) => r.method === 'POST' && /grant_type=/.test(r.body)).length;
    },
    async exchange(clientRef, answer) {
      const url = new URL(
        await app.app.client.beginConsent({
          client: clientRef,
          purpose: PURPOSE,
          returnUrl: '/back',
          session: SESSION,
        }),
      );
      standIn.answer(answer);
      const state = url.searchParams.get('state')!;
      return app.app.client.handleCallback(
        `${app.baseUrl}/oauth/callback?code=code-123&state=${state}`,
        SESSION,
      );
    },
    async close() {
      await app.close();
      await standIn.close();
    },
  };
}
