import { createServer, type Server } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import Provider, { type Configuration } from 'oidc-provider';
import { generateDemoKeys } from '../../src/http/demo-provider.ts';
import { freePort } from './ports.ts';

/**
 * oidc-provider 8.x on loopback with its `clientCredentials` feature on (RFC 6749 §4.4) and
 * resource indicators (RFC 8707: a `resource` parameter yields a JWT access token for that
 * audience). Counts client-credentials token requests, records each request's form and
 * Authorization header, and can be told to fail or slow down.
 */
export interface CcClient {
  clientId: string;
  clientSecret?: string;
  /** Allowed scopes (oidc-provider refuses others with `invalid_scope`). */
  scope?: string;
  tokenEndpointAuthMethod?: 'client_secret_basic' | 'client_secret_post' | 'private_key_jwt';
  jwks?: { keys: Record<string, unknown>[] };
  /** Grant types; default client_credentials only. */
  grantTypes?: string[];
}

export interface CcOidc {
  issuer: string;
  provider: Provider;
  server: Server;
  /** Successful-or-not client-credentials requests that reached the grant. */
  counts: { client_credentials: number; failed: number };
  received: { authorization: string | undefined; body: Record<string, string> }[];
  failTokenEndpoint(
    answer: { status: number; body: string; headers?: Record<string, string> } | undefined,
  ): void;
  delayTokenEndpoint(ms: number): void;
  close(): Promise<void>;
}

export async function startCcOidc(options: {
  clients: CcClient[];
  /** Access-token lifetime, seconds. */
  ttl?: number;
  port?: number;
}): Promise<CcOidc> {
  const port = options.port ?? (await freePort());
  const issuer = `http://127.0.0.1:${port}`;
  const keys = await generateDemoKeys();
  const provider = new Provider(issuer, {
    clients: options.clients.map((c) => ({
      client_id: c.clientId,
      ...(c.clientSecret ? { client_secret: c.clientSecret } : {}),
      grant_types: c.grantTypes ?? ['client_credentials'],
      response_types: [],
      redirect_uris: [],
      token_endpoint_auth_method: c.tokenEndpointAuthMethod ?? 'client_secret_basic',
      ...(c.scope ? { scope: c.scope } : {}),
      ...(c.jwks ? { jwks: c.jwks as never } : {}),
    })),
    jwks: keys.jwks as Configuration['jwks'],
    cookies: { keys: keys.cookieKeys },
    scopes: ['api:read', 'api:write', 'mail'],
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      introspection: { enabled: true },
      revocation: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => undefined as unknown as string,
        useGrantedResource: () => false,
        getResourceServerInfo: (_ctx, resourceIndicator) => ({
          scope: 'api:read api:write',
          audience: resourceIndicator,
          accessTokenFormat: 'jwt',
          accessTokenTTL: options.ttl ?? 3600,
        }),
      },
    },
    ttl: { ClientCredentials: options.ttl ?? 3600 },
  });
  const counts = { client_credentials: 0, failed: 0 };
  const received: CcOidc['received'] = [];
  let fail: { status: number; body: string; headers?: Record<string, string> } | undefined;
  let delay = 0;
  provider.use(async (ctx, next) => {
    const isToken = ctx.method === 'POST' && ctx.path === '/token';
    if (isToken) received.push({ authorization: ctx.get('authorization') || undefined, body: {} });
    if (isToken && delay) await sleep(delay);
    if (isToken && fail) {
      counts.failed++;
      ctx.status = fail.status;
      for (const [k, v] of Object.entries(fail.headers ?? {})) ctx.set(k, v);
      ctx.type = 'application/json';
      ctx.body = fail.body;
      return;
    }
    await next();
    if (isToken) {
      const oidc = (
        ctx as unknown as { oidc?: { params?: Record<string, unknown>; body?: Record<string, unknown> } }
      ).oidc;
      const last = received[received.length - 1]!;
      for (const [k, v] of Object.entries(oidc?.body ?? {})) if (typeof v === 'string') last.body[k] = v;
      if (oidc?.params?.grant_type === 'client_credentials') counts.client_credentials++;
    }
  });
  const server = createServer(provider.callback());
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
  return {
    issuer,
    provider,
    server,
    counts,
    received,
    failTokenEndpoint(answer) {
      fail = answer;
    },
    delayTokenEndpoint(ms) {
      delay = ms;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A catalog entry (custom data) for the loopback provider: client credentials only. */
export function ccProviderEntry(issuer: string, extra: Record<string, unknown> = {}) {
  return {
    key: 'remote-cc',
    displayName: 'Remote CC',
    protocol: 'oauth2',
    issuer,
    grants: ['client_credentials'],
    clientCredentials: { defaultScopes: ['api:read'] },
    endpoints: { token: `${issuer}/token`, revocation: `${issuer}/token/revocation` },
    clientAuth: 'client_secret_basic',
    scopes: [
      { name: 'api:read', description: 'Read' },
      { name: 'api:write', description: 'Write' },
    ],
    ...extra,
  };
}
