// A plain Node ESM program using the installed package: Consentry on SQLite, a consumer of its
// own, a consent URL, the web-standard handler. Prints one JSON line for the test to check.
import { createConsentry, isConsentryError, loadConfig } from 'consentry';

const consentry = await createConsentry(
  loadConfig({
    DATA_DIR: process.env.DATA_DIR,
    LOG_LEVEL: 'silent',
    PUBLIC_BASE_URL: 'http://127.0.0.1:9/oauth',
  }),
);
const granted = [];
consentry.consumers.register({
  purpose: 'calendar_sync',
  onTokenGranted(_token, payload, { connection }) {
    granted.push({ payload, connection: connection?.id });
    return '/calendar?connected=1';
  },
});
await consentry.store.clients.create({
  providerKey: 'github',
  name: 'Repositories',
  clientId: 'Iv1.consumer0000000',
  clientSecret: 'consumer-secret',
});
const consentUrl = new URL(
  await consentry.client.beginConsent({
    provider: 'github',
    scopes: ['repo'],
    purpose: 'calendar_sync',
    payload: { accountId: 7 },
    returnUrl: '/calendar',
    session: 'a-host-session-id-of-32-characters',
  }),
);
const health = await consentry.handler(new Request('http://127.0.0.1:9/oauth/healthz'));
const outside = await consentry.handler(new Request('http://127.0.0.1:9/healthz'));
const missing = await consentry.client
  .ensureFresh('no-such-connection')
  .catch((e) => (isConsentryError(e) ? e.code : String(e)));
console.log(
  JSON.stringify({
    node: process.version,
    demo: consentry.providers.has('demo'),
    providers: consentry.providers.all().length,
    redirectUri: consentUrl.searchParams.get('redirect_uri'),
    consentHost: consentUrl.host,
    pkce: consentUrl.searchParams.get('code_challenge_method'),
    health: health.status,
    healthBody: await health.json(),
    outside: outside.status,
    missing,
  }),
);
await consentry.close();
