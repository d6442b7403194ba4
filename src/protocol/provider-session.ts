import * as oauth from 'oauth4webapi';
import type { ClientAuthMethod, OAuth2Provider } from '../catalog/provider.ts';
import type { FetchLike, ProviderQuirks } from '../catalog/quirks/quirk.ts';
import { formOf, headersOf } from '../catalog/quirks/response.ts';
import { fillTemplate, urlTemplateValues } from '../catalog/template.ts';
import type { RegisteredClient } from '../domain/connection.ts';
import { ConsentryError, isConsentryError } from '../domain/errors.ts';
import { strictEgressFetch as defaultFetch } from '../egress/egress.ts';
import {
  chooseClientAuthMethod,
  clientSecretBasic,
  isClientAuthMethod,
  privateKeyJwt,
} from './client-auth.ts';
import { schemeRefusal } from './errors.ts';

/**
 * Everything needed to talk to one provider for one registered client: the authorization
 * server's metadata (static from the catalog or discovered), the oauth4webapi client and client
 * authentication, and the quirk-wrapped fetch.
 */
export interface ProviderSession {
  provider: OAuth2Provider;
  client: RegisteredClient;
  quirks: ProviderQuirks;
  as: oauth.AuthorizationServer;
  oauthClient: oauth.Client;
  /** Client authentication at the token endpoint (exchange, refresh). */
  clientAuth: oauth.ClientAuth;
  /** The method `clientAuth` uses (see ./client-auth.ts for how it is chosen). */
  clientAuthMethod: ClientAuthMethod;
  /**
   * Client authentication for another endpoint (revocation, PAR): the same method, with a
   * `private_key_jwt` assertion addressed to that endpoint.
   */
  clientAuthFor(endpoint: string | undefined): Promise<oauth.ClientAuth>;
  /** RFC 9126: push the authorization request first (the metadata's or the entry's PAR endpoint). */
  usePar: boolean;
  /** RFC 9449: bind tokens to a DPoP key (the metadata lists DPoP algorithms, or `dpop: true`). */
  useDpop: boolean;
  /**
   * The account's own token host (origin), when the authorization response or the connection
   * named one within the entry's `tokenHost.allowed`: token and revocation endpoints point there.
   */
  tokenHost: string | undefined;
  /**
   * Options passed to every oauth4webapi request: custom fetch, timeout, insecure-loopback —
   * the last judged for `url` (the endpoint this request goes to; default the token endpoint).
   */
  requestOptions(
    url?: string | undefined,
  ): oauth.TokenEndpointRequestOptions & oauth.RevocationRequestOptions;
  /** Whether this flow uses PKCE (provider data, or discovery metadata for `oidc`). */
  usePkce: boolean;
  /** The egress fetch without quirks (JWKS: a key set is not a provider-shaped answer). */
  egressFetch: FetchLike;
  /** Whether plain http may be used for this one URL (the settings' rule, judged per URL). */
  allowInsecure(url: URL): boolean;
}

export interface ProtocolSettings {
  /** http:// is refused except where this says yes (loopback, the built-in demo provider). */
  allowInsecure(url: URL): boolean;
  /** Per-request timeout (ms); a timeout is a transient failure that keeps the stored token. */
  timeoutMs: number;
  /**
   * The fetch under every request: the egress module's (src/egress), which the composition root
   * builds from EGRESS_ALLOW. Tests may wrap it. Absent: an egress with no exceptions at all.
   * Each request's init carries `timeoutMs` (the setting above), which the egress fetch applies
   * as its one timeout signal; a fetch of your own must honour it too (issue 11: one timer per
   * request instead of three signals joined).
   */
  fetch?: FetchLike | undefined;
}

// One fetch signature for every oauth4webapi request kind (GET discovery, POST token/revocation).
type CustomFetch = (
  url: string,
  init: oauth.CustomFetchOptions<'POST', URLSearchParams>,
) => Promise<Response>;

const DISCOVERY_TTL_MS = 10 * 60 * 1000;
/**
 * A failed discovery is remembered briefly too (finding 7 of issue 10): anonymous sign-in starts
 * against a dead issuer cost one outbound request per 30 s, not one per page view.
 */
const FAILED_DISCOVERY_TTL_MS = 30 * 1000;
const discoveryCache = new Map<
  string,
  { at: number; failed?: boolean; as: Promise<oauth.AuthorizationServer> }
>();

export function isLoopbackUrl(url: URL): boolean {
  return ['localhost', '127.0.0.1', '[::1]', '::1'].includes(url.hostname);
}

function customFetchFor(
  settings: ProtocolSettings,
  quirks: ProviderQuirks,
  ctx: { provider: OAuth2Provider; client: RegisteredClient },
): CustomFetch {
  const egress: FetchLike = settings.fetch ?? defaultFetch();
  // The timeout beneath the quirks: a request a quirk builds itself (GitHub's grant revocation)
  // gets it too.
  const plain: FetchLike = (url, init) =>
    egress(url, { ...init, timeoutMs: settings.timeoutMs } as RequestInit);
  // Entry data `tokenRequestBody: 'json'`: the form oauth4webapi built goes out as a JSON object
  // (same fields, same client authentication), under any quirk module.
  const base: FetchLike = ctx.provider.tokenRequestBody === 'json' ? jsonBodyFetch(plain) : plain;
  return (url, init) => {
    const requestInit = init as unknown as RequestInit;
    try {
      return quirks.fetch ? quirks.fetch(url, requestInit, base, ctx) : base(url, requestInit);
    } catch (cause) {
      return Promise.reject(cause);
    }
  };
}

function jsonBodyFetch(next: FetchLike): FetchLike {
  return (url, init) => {
    if (!(init.body instanceof URLSearchParams)) return next(url, init);
    const headers = headersOf(init);
    headers.set('content-type', 'application/json');
    return next(url, { ...init, headers, body: JSON.stringify(Object.fromEntries(formOf(init))) });
  };
}

async function discover(
  issuer: string,
  settings: ProtocolSettings,
  fetchFn: ReturnType<typeof customFetchFor>,
): Promise<oauth.AuthorizationServer> {
  const cached = discoveryCache.get(issuer);
  if (cached && Date.now() - cached.at < (cached.failed ? FAILED_DISCOVERY_TTL_MS : DISCOVERY_TTL_MS))
    return cached.as;
  const issuerUrl = new URL(issuer);
  // Assigned after creation: the IIFE's catch reads it (it always runs after an await).
  let promise: Promise<oauth.AuthorizationServer> | undefined;
  promise = (async () => {
    try {
      const response = await oauth.discoveryRequest(issuerUrl, {
        algorithm: 'oidc',
        [oauth.customFetch]: fetchFn as unknown as NonNullable<
          oauth.DiscoveryRequestOptions[typeof oauth.customFetch]
        >,
        [oauth.allowInsecureRequests]: settings.allowInsecure(issuerUrl),
      });
      return await oauth.processDiscoveryResponse(issuerUrl, response);
    } catch (cause) {
      const entry = discoveryCache.get(issuer);
      if (entry && entry.as === promise) {
        entry.failed = true;
        entry.as.catch(() => {}); // remembered, not unhandled
      }
      if (isConsentryError(cause, 'EGRESS_REFUSED')) throw cause;
      throw schemeRefusal(cause) ?? new ConsentryError('DISCOVERY_FAILED', { cause, facts: { issuer } });
    }
  })();
  discoveryCache.set(issuer, { at: Date.now(), as: promise });
  return promise;
}

export async function openProviderSession(input: {
  provider: OAuth2Provider;
  client: RegisteredClient;
  quirks: ProviderQuirks;
  clientSecret: string | undefined;
  /** The private JWK (JSON) for `private_key_jwt`, opened from the store when the client has one. */
  clientKey?: string | undefined;
  /** This account's token host (origin), from its authorization response or its connection. */
  tokenHost?: string | undefined;
  settings: ProtocolSettings;
}): Promise<ProviderSession> {
  const { client, quirks, settings } = input;
  // A quirk may adapt the data to this client (the `custom` provider's typed-in endpoints).
  const provider = quirks.resolveProvider ? quirks.resolveProvider(input.provider, client) : input.provider;
  const values = urlTemplateValues(provider, client.templateValues);
  const fetchFn = customFetchFor(settings, quirks, { provider, client });
  const fill = (u: string | undefined) => (u === undefined ? undefined : fillTemplate(u, values));

  let as: oauth.AuthorizationServer;
  if (provider.discovery) {
    as = await discover(fill(provider.issuer)!, settings, fetchFn);
  } else {
    const authorization = fill(provider.endpoints.authorization);
    const token = fill(provider.endpoints.token) ?? fill(provider.clientCredentials?.token);
    as = {
      // A client-credentials-only entry has no authorization endpoint: its token host names it.
      issuer: fill(provider.issuer) ?? new URL((authorization ?? token)!).origin,
      ...(authorization ? { authorization_endpoint: authorization } : {}),
      token_endpoint: token!,
      ...(provider.endpoints.revocation ? { revocation_endpoint: fill(provider.endpoints.revocation) } : {}),
      ...(provider.endpoints.userinfo ? { userinfo_endpoint: fill(provider.endpoints.userinfo) } : {}),
      ...(provider.endpoints.jwks ? { jwks_uri: fill(provider.endpoints.jwks) } : {}),
      ...(provider.endpoints.par
        ? { pushed_authorization_request_endpoint: fill(provider.endpoints.par) }
        : {}),
      authorization_response_iss_parameter_supported: provider.issParameter,
    };
  }
  const tokenHost = input.tokenHost === undefined ? undefined : assertTokenHost(provider, input.tokenHost);
  if (tokenHost) as = onTokenHost(as, tokenHost);

  const secret = quirks.clientSecret
    ? await quirks.clientSecret(input.clientSecret, { provider, client })
    : input.clientSecret;
  const clientKey = input.clientKey;
  const method = chooseClientAuthMethod({
    override: isClientAuthMethod(client.options.clientAuth) ? client.options.clientAuth : undefined,
    preferred: provider.clientAuth,
    supported: as.token_endpoint_auth_methods_supported,
    hasSecret: secret !== undefined,
    hasKey: clientKey !== undefined,
    providerKey: provider.key,
  });
  const clientAuthFor = async (endpoint: string | undefined): Promise<oauth.ClientAuth> => {
    if (method === 'private_key_jwt') return privateKeyJwt(clientKey!, endpoint ?? as.issuer);
    if (method === 'client_secret_post') return oauth.ClientSecretPost(secret!);
    if (method === 'client_secret_basic') return clientSecretBasic(secret!);
    return oauth.None();
  };
  const clientAuth = await clientAuthFor(as.token_endpoint);

  const usePkce = provider.discovery
    ? // Discovery decides: S256 when advertised; when the metadata is silent we still send it
      // (servers ignore unknown parameters; RFC 9700 §2.1.1 recommends PKCE for every client).
      !as.code_challenge_methods_supported || as.code_challenge_methods_supported.includes('S256')
    : provider.pkce;

  return {
    provider,
    client,
    quirks,
    as,
    oauthClient: { client_id: client.clientId },
    clientAuth,
    clientAuthMethod: method,
    clientAuthFor,
    usePar: as.pushed_authorization_request_endpoint !== undefined,
    useDpop: provider.dpop || (as.dpop_signing_alg_values_supported?.length ?? 0) > 0,
    tokenHost,
    usePkce,
    egressFetch: settings.fetch ?? defaultFetch(),
    allowInsecure: (url) => settings.allowInsecure(url),
    requestOptions: (url) => ({
      [oauth.customFetch]: fetchFn,
      // Per endpoint (issue 10): a plain-http UserInfo, revocation or PAR endpoint the operator
      // opened is not refused because the token endpoint is https — nor the reverse.
      [oauth.allowInsecureRequests]: settings.allowInsecure(new URL(url ?? as.token_endpoint ?? as.issuer)),
    }),
  };
}

/**
 * A token host is accepted only when the entry declares the parameter and lists the origin.
 * @throws TOKEN_HOST_REFUSED otherwise (before any request is sent to it).
 */
export function assertTokenHost(provider: OAuth2Provider, value: string): string {
  let origin: string | undefined;
  try {
    const url = new URL(value);
    // Only a bare origin: a path, query, credentials or fragment is not a host.
    if (url.href === `${url.origin}/` || url.href === url.origin) origin = url.origin;
  } catch {
    origin = undefined;
  }
  if (!provider.tokenHost || !origin || !provider.tokenHost.allowed.includes(origin)) {
    throw new ConsentryError('TOKEN_HOST_REFUSED', {
      detail: `${provider.key}: the authorization response names a token host outside the provider’s list.`,
      facts: { provider: provider.key, parameter: provider.tokenHost?.param ?? 'token host' },
    });
  }
  return origin;
}

/** The same endpoints on this account's own host (Zoho: `/oauth/v2/token` on accounts.zoho.eu). */
function onTokenHost(as: oauth.AuthorizationServer, origin: string): oauth.AuthorizationServer {
  const move = (u: string | undefined) => {
    if (!u) return u;
    const url = new URL(u);
    return `${origin}${url.pathname}${url.search}`;
  };
  return {
    ...as,
    token_endpoint: move(as.token_endpoint),
    ...(as.revocation_endpoint ? { revocation_endpoint: move(as.revocation_endpoint) } : {}),
  };
}

/** Forget discovered metadata (tests, and after an admin edits an issuer). */
export function clearDiscoveryCache(): void {
  discoveryCache.clear();
}
