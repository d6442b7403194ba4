import { createServer, type Server } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type Provider from 'oidc-provider';
import { createDemoOidcProvider, type DemoClient, mountedCallback } from '../../src/http/demo-provider.ts';
import { freePort } from './ports.ts';

/**
 * A real OpenID provider (oidc-provider) on loopback as the "remote" provider of a test, with
 * refresh-token rotation and reuse detection on. Counts token-endpoint requests by grant type so
 * tests can assert "exactly one refresh request", and can be told to fail or slow down.
 */
export interface RemoteOidc {
  issuer: string;
  provider: Provider;
  server: Server;
  counts: { authorization_code: number; refresh_token: number; other: number; failed: number };
  /** Every token/PAR/revocation request as received: path, Authorization and DPoP headers, form body. */
  received: {
    path: string;
    authorization: string | undefined;
    dpop: string | undefined;
    body: URLSearchParams;
  }[];
  /** Makes the token endpoint answer with this status (and no OAuth body) until reset with undefined. */
  failTokenEndpoint(status: number | undefined, body?: string): void;
  /** Delays token-endpoint answers (ms). */
  delayTokenEndpoint(ms: number): void;
  close(): Promise<void>;
}

export async function startRemoteOidc(options: {
  clients: DemoClient[];
  accessTokenTtl?: number;
  rotateRefreshToken?: boolean;
  features?: Parameters<typeof createDemoOidcProvider>[0]['features'];
}): Promise<RemoteOidc> {
  const port = await freePort();
  const issuer = `http://127.0.0.1:${port}`;
  const provider = await createDemoOidcProvider({
    issuer,
    clients: options.clients,
    accessTokenTtl: options.accessTokenTtl ?? 3600,
    rotateRefreshToken: options.rotateRefreshToken ?? true,
    ...(options.features ? { features: options.features } : {}),
  });
  const received: RemoteOidc['received'] = [];
  const counts = { authorization_code: 0, refresh_token: 0, other: 0, failed: 0 };
  let fail: { status: number; body: string } | undefined;
  let delay = 0;
  provider.use(async (ctx, next) => {
    if (ctx.method === 'POST' && ['/token', '/request', '/token/revocation'].includes(ctx.path)) {
      received.push({
        path: ctx.path,
        authorization: ctx.get('authorization') || undefined,
        dpop: ctx.get('dpop') || undefined,
        body: new URLSearchParams(),
      });
    }
    const isToken = ctx.method === 'POST' && ctx.path === '/token';
    if (isToken && delay) await sleep(delay);
    if (isToken && fail) {
      counts.failed++;
      ctx.status = fail.status;
      ctx.body = fail.body;
      return;
    }
    await next();
    const last = received[received.length - 1];
    const parsed = (ctx as unknown as { oidc?: { body?: Record<string, unknown> } }).oidc?.body;
    if (last && parsed && last.body.size === 0)
      for (const [k, v] of Object.entries(parsed)) if (typeof v === 'string') last.body.set(k, v);
    if (isToken) {
      const grant = (ctx as unknown as { oidc?: { params?: { grant_type?: string } } }).oidc?.params
        ?.grant_type;
      if (grant === 'authorization_code' || grant === 'refresh_token') counts[grant]++;
      else counts.other++;
    }
  });
  const server = createServer(mountedCallback(provider));
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
  return {
    issuer,
    provider,
    server,
    counts,
    received,
    failTokenEndpoint(status, body = '') {
      fail = status === undefined ? undefined : { status, body };
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
