import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ProviderInput } from '../../src/catalog/provider.ts';
import type { ConnectionEvent, OAuth2Consumer } from '../../src/core/consumers.ts';
import { SecretBox } from '../../src/secrets/secret-box.ts';
import { CookieJar, consentAtProvider } from '../support/browserless.ts';
import { startConsentry, type TestConsentry } from '../support/consentry.ts';
import { freePort } from '../support/ports.ts';
import { createTestSchema, postgresAvailable, type TestSchema } from '../support/postgres.ts';
import { type RemoteOidc, startRemoteOidc } from '../support/remote-oidc.ts';

/**
 * Several Consentry instances sharing one database (a PostgreSQL schema, or one SQLite file in
 * WAL mode), one secret key and one public base URL, in front of a real OpenID provider with
 * refresh-token rotation and reuse detection (reusing a rotated refresh token revokes the grant).
 */
export type Engine = 'sqlite' | 'postgres';
export const SCALE_PURPOSE = 'scale_test';
export const SESSION = 'scale-session-0123456789abcdef0123456789abcdef';

export async function enginesToTest(): Promise<{ engine: Engine; available: boolean }[]> {
  return [
    { engine: 'postgres', available: await postgresAvailable() },
    { engine: 'sqlite', available: true },
  ];
}

/** Everything an instance — in this process or a child — needs to join the shared setup. */
export interface InstanceSpec {
  env: Record<string, string>;
  schema: string | undefined;
  provider: ProviderInput;
}

export interface ScaleEnv {
  engine: Engine;
  spec: InstanceSpec;
  remote: RemoteOidc;
  clientRef: string;
  /** The first instance (seeds the client, runs flows, inspects the database). */
  a: TestConsentry;
  events: ConnectionEvent[];
  startInstance(options?: Parameters<typeof startConsentry>[0]): Promise<TestConsentry>;
  /** Creates `n` connections through real authorization-code flows (one grant each). */
  connect(n: number, via?: TestConsentry): Promise<string[]>;
  /**
   * Creates `n` connections holding refresh tokens the provider issued for a grant each (minted
   * through oidc-provider's own models, skipping the login screens), stored as the callback
   * stores them, with an access token that has already expired.
   */
  mint(n: number): Promise<string[]>;
  /** Makes these connections' access tokens expired (test arrangement, direct row update). */
  expire(ids: string[], byMs?: number): Promise<void>;
  close(): Promise<void>;
}

export function remoteProviderEntry(issuer: string, extra: Partial<ProviderInput> = {}): ProviderInput {
  return {
    key: 'remote',
    displayName: 'Remote OP',
    protocol: 'oidc',
    issuer,
    endpoints: {
      authorization: `${issuer}/auth`,
      token: `${issuer}/token`,
      revocation: `${issuer}/token/revocation`,
      jwks: `${issuer}/jwks`,
    },
    clientAuth: 'client_secret_basic',
    issParameter: true,
    refreshToken: { issued: 'always', rotates: true },
    scopes: [
      { name: 'openid', description: 'Sign in' },
      { name: 'email', description: 'Email' },
    ],
    presets: { login: ['openid', 'email'] },
    ...extra,
  };
}

export async function startScaleEnv(
  engine: Engine,
  options: {
    accessTokenTtl?: number;
    rotateRefreshToken?: boolean;
    provider?: Partial<ProviderInput>;
    env?: Record<string, string>;
  } = {},
): Promise<ScaleEnv> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const remote = await startRemoteOidc({
    clients: [{ clientId: 'scale', clientSecret: 'scale-secret', redirectUris: [`${base}/oauth/callback`] }],
    accessTokenTtl: options.accessTokenTtl ?? 3600,
    rotateRefreshToken: options.rotateRefreshToken ?? true,
  });
  let schema: TestSchema | undefined;
  const dataDir = mkdtempSync(join(tmpdir(), 'consentry-scale-'));
  const env: Record<string, string> = {
    PUBLIC_BASE_URL: base,
    DATA_DIR: dataDir,
    DEMO_PROVIDER: 'false',
    SECRET_BOX_KEY: SecretBox.generateKey().toString('base64'),
    BACKGROUND_REFRESH: 'false',
    LOG_LEVEL: 'warn',
    ...(options.env ?? {}),
  };
  if (engine === 'postgres') {
    schema = await createTestSchema('scale');
    env.DATABASE_URL = schema.url;
  }
  const events: ConnectionEvent[] = [];
  const consumer: OAuth2Consumer = {
    purpose: SCALE_PURPOSE,
    onTokenGranted: () => '/done',
    onConnectionEvent: (e) => {
      events.push(e);
    },
  };
  const provider = remoteProviderEntry(remote.issuer, options.provider);
  const instances: TestConsentry[] = [];
  const startInstance = async (extra: Parameters<typeof startConsentry>[0] = {}) => {
    const t = await startConsentry({
      listen: false,
      dataDir,
      consumers: [consumer],
      providers: [provider],
      ...(schema ? { schema: schema.schema } : {}),
      ...extra,
      env: { ...env, ...(extra.env ?? {}) },
    });
    instances.push(t);
    return t;
  };
  const a = await startInstance();
  const clientRef = (
    await a.app.store.clients.create({
      providerKey: 'remote',
      name: 'Remote',
      clientId: 'scale',
      clientSecret: 'scale-secret',
    })
  ).id;

  let minted = 0;
  const connectOne = async (via: TestConsentry, i: number) => {
    const url = await via.app.client.beginConsent({
      client: clientRef,
      preset: 'login',
      purpose: SCALE_PURPOSE,
      returnUrl: '/x',
      session: SESSION,
    });
    const callback = await consentAtProvider(new CookieJar(), url, {
      stopPrefix: `${base}/oauth/callback`,
      login: `user${i}`,
    });
    await via.app.client.handleCallback(callback, SESSION);
  };

  return {
    engine,
    spec: { env, schema: schema?.schema, provider },
    remote,
    clientRef,
    a,
    events,
    startInstance,
    async connect(n, via = a) {
      const before = new Set((await a.app.store.connections.list()).map((c) => c.id));
      let next = 0;
      await Promise.all(
        Array.from({ length: Math.min(4, n) }, async () => {
          for (let i = next++; i < n; i = next++) await connectOne(via, before.size + i);
        }),
      );
      return (await a.app.store.connections.list()).map((c) => c.id).filter((id) => !before.has(id));
    },
    async mint(n) {
      // biome-ignore lint/suspicious/noExplicitAny: oidc-provider's model classes are untyped here
      const op = remote.provider as any;
      const opClient = await op.Client.find('scale');
      const ids: string[] = [];
      for (let i = 0; i < n; i++) {
        const accountId = `minted-${minted++}`;
        const grant = new op.Grant({ accountId, clientId: 'scale' });
        grant.addOIDCScope('openid email');
        const grantId = await grant.save();
        const refreshToken: string = await new op.RefreshToken({
          accountId,
          client: opClient,
          grantId,
          scope: 'openid email',
          gty: 'authorization_code',
          authTime: Math.floor(Date.now() / 1000),
        }).save();
        const c = await a.app.store.connections.insert(
          {
            clientRef,
            providerKey: 'remote',
            purpose: SCALE_PURPOSE,
            payload: {},
            account: accountId,
            subject: accountId,
            issuer: remote.issuer,
            accessToken: `expired-${accountId}`,
            refreshToken,
            tokenType: 'Bearer',
            scopes: ['openid', 'email'],
            expiresAt: new Date(Date.now() - 1000),
          },
          new Date(),
        );
        ids.push(c.id);
      }
      return ids;
    },
    async expire(ids, byMs = 1000) {
      if (ids.length === 0) return;
      await a.app.database.db
        .updateTable('connections')
        .set({ expires_at: Date.now() - byMs })
        .where('id', 'in', ids)
        .execute();
    },
    async close() {
      for (const t of instances.reverse()) await t.close({ keepData: true }).catch(() => {});
      await remote.close();
      await schema?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
