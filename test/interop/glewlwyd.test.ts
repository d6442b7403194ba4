import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPERATOR } from '../../src/console/actor.ts';
import { CookieJar } from '../support/browserless.ts';
import { startConsentry, type TestConsentry } from '../support/consentry.ts';
import { type Glewlwyd, glewlwydAvailable, startGlewlwyd } from '../support/glewlwyd.ts';
import { freePort } from '../support/ports.ts';

/**
 * Interop matrix, Glewlwyd 2.7 (C, Debian bookworm's `glewlwyd`): an OpenID provider written in
 * another language, started by the test as a child process. Its metadata advertises PAR and DPoP
 * and lists client_secret_basic and client_secret_post; each goes through consent, exchange (ID
 * token), refresh and revocation with an id and secret holding `-`, `.`, `_` and `~`.
 */
const SECRET = 's3cret-1.a_b~c';
const METHODS = ['client_secret_basic', 'client_secret_post'] as const;
const idOf = (m: string) => `consentry-rp.glw_${m}~x`;
const SESSION = 'browser-session-interop-glewlwyd-00001';

describe.skipIf(!glewlwydAvailable())('glewlwyd: the full flow for each client authentication method', () => {
  let app: TestConsentry;
  let op: Glewlwyd;

  beforeAll(async () => {
    const port = await freePort();
    const base = `${'http'}://127.0.0.1:${port}`;
    op = await startGlewlwyd(
      METHODS.map((m) => ({
        clientId: idOf(m),
        clientSecret: SECRET,
        redirectUri: `${base}/oauth/callback`,
        methods: [m],
      })),
    );
    app = await startConsentry({
      env: { PORT: String(port), PUBLIC_BASE_URL: base, DEMO_PROVIDER: 'false' },
      consumers: [{ purpose: 'interop', onTokenGranted: () => '/done' }],
    });
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await op?.close();
  });

  for (const m of METHODS) {
    it(`${m}: PAR, consent, exchange with an ID token, DPoP-bound tokens, refresh, revoke`, async () => {
      const client = await app.app.console.oauth.createClient(OPERATOR, 'oidc', {
        name: `Glewlwyd ${m}`,
        clientId: idOf(m),
        clientSecret: SECRET,
        templateValues: { issuer: op.issuer },
        clientAuth: m,
      });
      const consent = await app.app.client.beginConsent({
        client: client.id,
        scopes: ['openid'],
        purpose: 'interop',
        returnUrl: '/start',
        session: SESSION,
      });
      // PAR: the browser carries only client_id and the request_uri Glewlwyd answered with.
      expect(new URL(consent).searchParams.get('request_uri')).toMatch(/^urn:ietf:params:oauth:request_uri:/);
      const callback = await op.consent(new CookieJar(), consent);
      try {
        expect(await app.app.client.handleCallback(callback, SESSION)).toBe('/done');
      } catch (e) {
        throw new Error(`${String(e)}\n${op.log().slice(-3000)}`);
      }
      const [connection] = await app.app.store.connections.list({ clientRef: client.id });
      expect(connection?.idTokenClaims?.aud).toBe(idOf(m));
      expect(connection?.idTokenClaims?.iss).toBe(op.issuer);
      expect(connection?.tokenType).toBe('dpop');
      expect(connection?.dpopBound).toBe(true);
      expect(connection?.hasRefreshToken).toBe(true);

      await app.app.client.refresh(connection!.id);
      const refreshed = await app.app.store.connections.get(connection!.id);
      expect(refreshed?.version).toBe(connection!.version + 1);
      expect(refreshed?.accessToken).not.toBe(connection!.accessToken);

      expect(await app.app.client.revoke(connection!.id)).toEqual({ atProvider: true });
    }, 120_000);
  }
});
