import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { exportJWK, generateKeyPair } from 'jose';
import Provider, { type Adapter, type Configuration } from 'oidc-provider';
import { createOnce } from '../secrets/create-once.ts';
import { assertPrivateKeyFile } from '../secrets/file-modes.ts';
import { handleInteraction, isInteractionPath } from './demo-interactions.ts';

/**
 * A real OpenID provider (oidc-provider 8.x, certified) for the built-in demo and as the
 * remote peer in tests. Refresh tokens rotate, and reusing a rotated one revokes the grant —
 * the strictest behaviour real providers have, so the refresh design is tested against it.
 */
export interface DemoClient {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  tokenEndpointAuthMethod?: 'client_secret_basic' | 'client_secret_post' | 'private_key_jwt' | 'none';
  /** Shown on the consent screen. */
  clientName?: string;
  /** The client's public keys, for `private_key_jwt` (tests of client authentication). */
  jwks?: { keys: Record<string, unknown>[] };
  /** RFC 9449 §5.2: DPoP-bound access tokens required for this client (tests). */
  dpopBoundAccessTokens?: boolean;
}

export interface DemoOidcOptions {
  issuer: string;
  clients: DemoClient[];
  /** oidc-provider adapter class; default is its in-memory adapter. */
  adapter?: Configuration['adapter'];
  /** Persisted signing keys and cookie keys; generated when absent. */
  keys?: DemoKeys;
  accessTokenTtl?: number;
  rotateRefreshToken?: boolean;
  /** Trust X-Forwarded-* (when PUBLIC_BASE_URL is https behind a proxy). */
  proxy?: boolean;
  /**
   * oidc-provider features on top of the demo's (tests turn on DPoP, or require PAR). PAR is on by
   * default in oidc-provider 8 and advertised in the metadata.
   */
  features?: Configuration['features'];
}

export interface DemoKeys {
  jwks: { keys: Record<string, unknown>[] };
  cookieKeys: string[];
}

export async function generateDemoKeys(): Promise<DemoKeys> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = {
    ...(await exportJWK(privateKey)),
    alg: 'RS256',
    use: 'sig',
    kid: randomBytes(8).toString('hex'),
  };
  return { jwks: { keys: [jwk] }, cookieKeys: [randomBytes(32).toString('base64url')] };
}

/** Loads the demo keys from a file (mode 0600), creating it the first time. */
export async function loadDemoKeys(file: string): Promise<DemoKeys> {
  if (existsSync(file)) {
    assertPrivateKeyFile(file);
    return JSON.parse(readFileSync(file, 'utf8')) as DemoKeys;
  }
  const keys = JSON.stringify(await generateDemoKeys());
  return JSON.parse(createOnce(file, () => keys)) as DemoKeys;
}

export async function createDemoOidcProvider(options: DemoOidcOptions): Promise<Provider> {
  const keys = options.keys ?? (await generateDemoKeys());
  const provider = new Provider(options.issuer, {
    ...(options.adapter ? { adapter: options.adapter } : {}),
    clients: options.clients.map((c) => ({
      client_id: c.clientId,
      ...(c.tokenEndpointAuthMethod === 'private_key_jwt' || c.tokenEndpointAuthMethod === 'none'
        ? {}
        : { client_secret: c.clientSecret }),
      redirect_uris: c.redirectUris,
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      token_endpoint_auth_method: c.tokenEndpointAuthMethod ?? 'client_secret_basic',
      ...(c.clientName ? { client_name: c.clientName } : {}),
      ...(c.jwks ? { jwks: c.jwks as never } : {}),
      ...(c.dpopBoundAccessTokens ? { dpop_bound_access_tokens: true } : {}),
    })),
    jwks: keys.jwks as Configuration['jwks'],
    cookies: { keys: keys.cookieKeys },
    async findAccount(_ctx, id) {
      const safe = id.toLowerCase().replace(/[^a-z0-9._-]/g, '') || 'user';
      return {
        accountId: id,
        async claims() {
          return { sub: id, email: `${safe}@demo.consentry.test`, email_verified: true, name: id };
        },
      };
    },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    scopes: ['openid', 'offline_access', 'email', 'profile', 'mail', 'calendar'],
    features: {
      devInteractions: { enabled: false },
      revocation: { enabled: true },
      introspection: { enabled: true },
      userinfo: { enabled: true },
      ...(options.features ?? {}),
    },
    pkce: { required: () => true },
    // The demo provider sends nothing (issue 10: every outbound request goes through src/egress):
    // its clients carry inline keys, and request_uri, registration and back-channel logout are
    // off. Should a feature that fetches (a client's jwks_uri, a request_uri, a
    // sector_identifier_uri) ever be turned on, oidc-provider's request is aborted before it opens
    // a socket.
    httpOptions: () => ({ signal: AbortSignal.abort() }),
    // Our own screens (./demo-interactions.ts), under the provider's mount path.
    interactions: {
      url: async (ctx, interaction) => {
        const oidc = ctx.oidc as unknown as { urlFor(name: string): string };
        const mount = new URL(oidc.urlFor('authorization')).pathname.replace(/\/auth$/, '');
        return `${mount}/interaction/${interaction.uid}`;
      },
    },
    rotateRefreshToken: options.rotateRefreshToken ?? true,
    // Issue a refresh token whenever the client may use one (no offline_access dance for the demo).
    issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    ttl: {
      AccessToken: options.accessTokenTtl ?? 3600,
      AuthorizationCode: 60,
      IdToken: 3600,
      RefreshToken: 14 * 24 * 3600,
      Grant: 14 * 24 * 3600,
      Session: 24 * 3600,
      Interaction: 3600,
    },
    renderError(ctx, out) {
      ctx.type = 'html';
      const esc = (s: unknown) => String(s).replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
      ctx.body = `<!doctype html><title>Demo provider error</title><h1>${esc(out.error)}</h1><p>${esc(out.error_description ?? '')}</p>`;
    },
  });
  provider.proxy = options.proxy ?? false;
  return provider;
}

/**
 * The provider as a plain request handler, serving its own interaction screens; with a `prefix`,
 * mounted under a path of another server (the `/demo` mount).
 *
 * With `publicUrl` (PUBLIC_BASE_URL), every URL the provider builds — its discovery document's
 * endpoints, redirects, form actions — uses that origin, never the request's Host or
 * X-Forwarded-* headers (issue 10, finding 10: `Host: evil.test` must not turn into
 * `http://evil.test/demo/auth`). oidc-provider (Koa) derives them from the host and protocol,
 * so both are overwritten here and the provider trusts only what we set (`proxy` on).
 */
export function mountedCallback(
  provider: Provider,
  prefix = '',
  publicUrl?: URL,
): (req: IncomingMessage & { originalUrl?: string }, res: ServerResponse) => void {
  const callback = provider.callback();
  if (publicUrl) provider.proxy = true;
  return (req, res) => {
    if (publicUrl) {
      req.headers.host = publicUrl.host;
      req.headers['x-forwarded-host'] = publicUrl.host;
      req.headers['x-forwarded-proto'] = publicUrl.protocol.replace(/:$/, '');
      delete req.headers['x-forwarded-port'];
      delete req.headers.forwarded;
    }
    const original = req.url ?? '/';
    req.originalUrl = original;
    req.url = original.slice(prefix.length) || '/';
    if (isInteractionPath(req.url)) {
      void handleInteraction(provider, prefix, req, res);
      return;
    }
    callback(req, res);
  };
}

export type { Adapter };
