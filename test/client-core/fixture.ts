import type { OAuth2Consumer } from '../../src/core/consumers.ts';
import { ConsentryError } from '../../src/domain/errors.ts';
import type { OAuth2Token } from '../../src/domain/token.ts';
import { startConsentry, type TestConsentry } from '../support/consentry.ts';
import { freePort } from '../support/ports.ts';
import { type RemoteOidc, startRemoteOidc } from '../support/remote-oidc.ts';

/**
 * A Consentry talking to a real remote OpenID provider (oidc-provider on loopback, rotating
 * refresh tokens), with one registered client and an example consumer that records what it got.
 */
export const SENTINEL_CLIENT_SECRET = 'SENTINEL-CLIENT-SECRET-7f3a9c';

export interface Granted {
  token: OAuth2Token;
  payload: Record<string, unknown>;
  connectionId: string | undefined;
}

export interface CoreFixture {
  remote: RemoteOidc;
  consentry: TestConsentry;
  clientRef: string;
  granted: Granted[];
  session: string;
  connectionCount(): Promise<number>;
  close(): Promise<void>;
}

export async function coreFixture(
  options: {
    accessTokenTtl?: number;
    env?: Record<string, string>;
    clientOptions?: Record<string, unknown>;
  } = {},
): Promise<CoreFixture> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const remote = await startRemoteOidc({
    clients: [
      {
        clientId: 'consentry-test',
        clientSecret: SENTINEL_CLIENT_SECRET,
        redirectUris: [`${base}/oauth/callback`],
      },
    ],
    accessTokenTtl: options.accessTokenTtl ?? 3600,
  });
  const granted: Granted[] = [];
  // The example consumer from the README: stores nothing itself, remembers the connection id.
  const consumer: OAuth2Consumer = {
    purpose: 'test_feature',
    onTokenGranted(token, payload, { connection }) {
      if (payload.explode) throw new ConsentryError('CONSUMER_FAILED');
      granted.push({ token, payload, connectionId: connection?.id });
      return typeof payload.successPath === 'string' ? payload.successPath : '/feature/connected';
    },
  };
  const consentry = await startConsentry({
    env: { PORT: String(port), PUBLIC_BASE_URL: base, DEMO_PROVIDER: 'false', ...(options.env ?? {}) },
    consumers: [consumer],
    providers: [
      {
        key: 'remote',
        displayName: 'Remote OP',
        protocol: 'oidc',
        issuer: remote.issuer,
        endpoints: {
          authorization: `${remote.issuer}/auth`,
          token: `${remote.issuer}/token`,
          revocation: `${remote.issuer}/token/revocation`,
          userinfo: `${remote.issuer}/me`,
          jwks: `${remote.issuer}/jwks`,
        },
        clientAuth: 'client_secret_basic',
        issParameter: true,
        scopes: [
          { name: 'openid', description: 'Sign in' },
          { name: 'email', description: 'Email' },
          { name: 'mail', description: 'Mail' },
        ],
        presets: { login: ['openid', 'email'], mail: ['openid', 'email', 'mail'] },
      },
    ],
    ...(options.clientOptions ? { clientOptions: options.clientOptions } : {}),
  });
  const client = await consentry.app.store.clients.create({
    providerKey: 'remote',
    name: 'Remote for tests',
    clientId: 'consentry-test',
    clientSecret: SENTINEL_CLIENT_SECRET,
  });
  return {
    remote,
    consentry,
    clientRef: client.id,
    granted,
    session: 'test-session-0123456789abcdef0123456789abcdef',
    async connectionCount() {
      return (await consentry.app.store.connections.list()).length;
    },
    async close() {
      await consentry.close();
      await remote.close();
    },
  };
}
