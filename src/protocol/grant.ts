import { decodeJwt } from 'jose';
import * as oauth from 'oauth4webapi';
import type { ProviderAnswer } from '../catalog/error-mappings.ts';
import type { FetchLike } from '../catalog/quirks/quirk.ts';
import { revokeAtApi } from '../catalog/revocation.ts';
import { fillTemplate, urlTemplateValues } from '../catalog/template.ts';
import { ConsentryError } from '../domain/errors.ts';
import type { DpopKey } from './dpop.ts';
import { providerError } from './errors.ts';
import { verifyIdTokenSignature } from './id-token.ts';
import type { ProviderSession } from './provider-session.ts';
import { errorBodyOf200, readAnswer, withAnswer } from './token-answer.ts';

/**
 * The authorization-code grant and refresh, on oauth4webapi. Each function is one protocol step
 * with the spec section it implements; none touches storage.
 */

export interface AuthorizationRequest {
  redirectUri: string;
  scopes: readonly string[];
  state: string;
  codeVerifier?: string | undefined;
  nonce?: string | undefined;
}

/** @see RFC 6749 §4.1.1, RFC 7636 §4.3 (code_challenge S256), OIDC Core §3.1.2.1 (nonce). */
export async function buildAuthorizationUrl(
  session: ProviderSession,
  req: AuthorizationRequest,
): Promise<URL> {
  const url = new URL(session.as.authorization_endpoint!);
  const extra = {
    ...filledParams(session, session.provider.authorizationParams),
    ...(session.quirks.authorizationParams?.(session) ?? {}),
  };
  for (const [k, v] of Object.entries(extra)) url.searchParams.set(k, v);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('client_id', session.oauthClient.client_id);
  url.searchParams.set('redirect_uri', req.redirectUri);
  if (req.scopes.length) url.searchParams.set('scope', req.scopes.join(session.provider.scopeSeparator));
  url.searchParams.set('state', req.state);
  if (req.codeVerifier) {
    url.searchParams.set('code_challenge', await oauth.calculatePKCECodeChallenge(req.codeVerifier));
    url.searchParams.set('code_challenge_method', 'S256');
  }
  if (req.nonce) url.searchParams.set('nonce', req.nonce);
  session.quirks.authorizationUrl?.(url, session);
  return session.usePar ? pushAuthorizationRequest(session, url) : url;
}

/**
 * RFC 9126 §2: the parameters go to the PAR endpoint (client authenticated), and the browser gets
 * only `client_id` and the `request_uri` the server answered with (§4).
 * @throws AUTHORIZATION_RESPONSE_INVALID-family codes via providerError (the push was refused).
 */
async function pushAuthorizationRequest(session: ProviderSession, url: URL): Promise<URL> {
  const endpoint = session.as.pushed_authorization_request_endpoint!;
  try {
    const response = await oauth.pushedAuthorizationRequest(
      session.as,
      session.oauthClient,
      await session.clientAuthFor(endpoint),
      url.searchParams,
      session.requestOptions(endpoint),
    );
    const pushed = await oauth.processPushedAuthorizationResponse(session.as, session.oauthClient, response);
    const browser = new URL(session.as.authorization_endpoint!);
    browser.searchParams.set('client_id', session.oauthClient.client_id);
    browser.searchParams.set('request_uri', pushed.request_uri);
    return browser;
  } catch (cause) {
    throw providerError(cause, session.provider.key, 'token');
  }
}

/**
 * Validates the redirect back: state, RFC 9207 `iss` (mix-up defence, §2.4), duplicated
 * parameters, `error=` responses. Returns the parameters oauth4webapi wants for the exchange.
 */
export function validateAuthorizationResponse(
  session: ProviderSession,
  params: URLSearchParams,
  expectedState: string,
): URLSearchParams {
  try {
    return oauth.validateAuthResponse(session.as, session.oauthClient, params, expectedState);
  } catch (cause) {
    if (cause instanceof oauth.AuthorizationResponseError) throw cause;
    const message = cause instanceof Error ? cause.message : '';
    const code = /iss/.test(message) ? 'ISSUER_MISMATCH' : 'AUTHORIZATION_RESPONSE_INVALID';
    throw new ConsentryError(code, {
      detail: `${session.provider.key}: ${message.split('\n')[0]}`,
      facts: { provider: session.provider.key },
      cause,
    });
  }
}

export interface GrantResult {
  response: oauth.TokenEndpointResponse;
  idTokenClaims: Record<string, unknown> | undefined;
}

/**
 * The issuer an ID token must name: the quirk's when it depends on the token (Microsoft `tid`);
 * else the token's own `iss` when the entry lists it among `idTokenIssuers` (Google documents two
 * spellings); else the issuer. Any other value fails oauth4webapi's `iss` check.
 */
async function asFor(session: ProviderSession, response: Response): Promise<oauth.AuthorizationServer> {
  const listed = session.provider.idTokenIssuers;
  if ((!session.quirks.idTokenIssuer && listed.length === 0) || !response.ok) return session.as;
  try {
    const body = (await response.clone().json()) as { id_token?: string };
    if (!body.id_token) return session.as;
    const claims = decodeJwt(body.id_token);
    if (!session.quirks.idTokenIssuer) {
      return typeof claims.iss === 'string' && listed.includes(claims.iss)
        ? { ...session.as, issuer: claims.iss }
        : session.as;
    }
    const issuer = session.quirks.idTokenIssuer(claims, session);
    return { ...session.as, issuer };
  } catch (cause) {
    if (cause instanceof ConsentryError) throw cause;
    return session.as;
  }
}

function processOptions(session: ProviderSession): oauth.ProcessTokenResponseOptions {
  const types = session.quirks.tokenTypes ?? [];
  return { recognizedTokenTypes: Object.fromEntries(types.map((t) => [t.toLowerCase(), () => {}])) };
}

async function finish(session: ProviderSession, result: oauth.TokenEndpointResponse): Promise<GrantResult> {
  const claims = oauth.getValidatedIdTokenClaims(result);
  if (result.id_token) await verifyIdTokenSignature(session, result.id_token);
  // OIDC Core §3.1.3.7 (3): reject an ID token whose aud lists audiences not trusted by us.
  if (claims && Array.isArray(claims.aud) && claims.aud.some((a) => a !== session.oauthClient.client_id)) {
    throw new ConsentryError('ID_TOKEN_INVALID', {
      detail: `${session.provider.key}: the ID token is also addressed to other audiences.`,
      facts: { provider: session.provider.key, reason: 'untrusted_audience' },
    });
  }
  return { response: result, idTokenClaims: claims ? { ...claims } : undefined };
}

/** The entry's extra parameters with `{placeholders}` filled from the client's template values. */
function filledParams(session: ProviderSession, params: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(params).map(([k, v]) => [
      k,
      fillTemplate(v, urlTemplateValues(session.provider, session.client.templateValues)),
    ]),
  );
}

/**
 * Like filledParams, but a parameter whose placeholder names an optional template the client left
 * empty is not sent at all (Auth0's `organization`), instead of failing the request.
 */
function filledOptionalParams(
  session: ProviderSession,
  params: Record<string, string>,
): Record<string, string> {
  const values = urlTemplateValues(session.provider, session.client.templateValues);
  const optional = new Set(session.provider.templates.filter((t) => t.optional).map((t) => t.name));
  const kept = Object.entries(params).filter(([, v]) =>
    [...v.matchAll(/\{([a-z_]+)\}/g)].every((m) => values[m[1]!] !== undefined || !optional.has(m[1]!)),
  );
  return filledParams(session, Object.fromEntries(kept));
}

/** The entry's `tokenParams`, as oauth4webapi's additional token-request parameters. */
function tokenParamsOption(session: ProviderSession): { additionalParameters?: Record<string, string> } {
  const params = filledParams(session, session.provider.tokenParams);
  return Object.keys(params).length ? { additionalParameters: params } : {};
}

/**
 * RFC 6749 §5.1: a client ignores response members it does not use. An `id_token` is validated
 * only when `openid` was requested; otherwise it is dropped before oauth4webapi sees it (a
 * `custom` OAuth server that also sends one is not an OpenID provider we can check it against).
 */
async function withoutIdToken(response: Response): Promise<Response> {
  if (!response.ok) return response;
  let body: Record<string, unknown>;
  try {
    body = (await response.clone().json()) as Record<string, unknown>;
  } catch {
    return response; // not JSON: oauth4webapi reports it
  }
  if (!body || typeof body !== 'object' || !('id_token' in body)) return response;
  delete body.id_token;
  return new Response(JSON.stringify(body), { status: response.status, headers: response.headers });
}

/**
 * Sends a token request and processes the answer; once more with the server's nonce when it asks
 * for one (RFC 9449 §8: `use_dpop_nonce`; the DPoP handle has kept the nonce it sent).
 */
async function withDpopRetry<T>(dpop: DpopKey | undefined, attempt: () => Promise<T>): Promise<T> {
  try {
    return await attempt();
  } catch (cause) {
    if (dpop && oauth.isDPoPNonceError(cause)) return attempt();
    throw cause;
  }
}

function dpopOptions(dpop: DpopKey | undefined): oauth.DPoPRequestOptions {
  return dpop ? { DPoP: dpop.handle } : {};
}

/** @see RFC 6749 §4.1.3 / §5.1, RFC 7636 §4.5, OIDC Core §3.1.3.7, RFC 9449 §5 (DPoP). */
export async function exchangeCode(
  session: ProviderSession,
  input: {
    callbackParams: URLSearchParams;
    redirectUri: string;
    codeVerifier?: string | undefined;
    nonce?: string | undefined;
    /** `openid` was requested: an ID token is required and validated; else one is ignored. */
    requireIdToken: boolean;
    /** The key the tokens are bound to (RFC 9449), when the session uses DPoP. */
    dpop?: DpopKey | undefined;
  },
): Promise<GrantResult> {
  let answer: ProviderAnswer | undefined;
  try {
    return await withDpopRetry(input.dpop, async () => {
      let response = await oauth.authorizationCodeGrantRequest(
        session.as,
        session.oauthClient,
        session.clientAuth,
        input.callbackParams,
        input.redirectUri,
        input.codeVerifier ?? oauth.nopkce,
        { ...session.requestOptions(), ...tokenParamsOption(session), ...dpopOptions(input.dpop) },
      );
      ({ answer, response } = await readAnswer(response));
      const refused = errorBodyOf200(answer, session.provider.key, 'token');
      if (refused) throw refused;
      if (!input.requireIdToken) response = await withoutIdToken(response);
      const as = await asFor(session, response);
      const result = await oauth.processAuthorizationCodeResponse(as, session.oauthClient, response, {
        ...processOptions(session),
        expectedNonce: input.nonce ?? oauth.expectNoNonce,
        requireIdToken: input.requireIdToken,
      });
      return await finish(session, result);
    });
  } catch (cause) {
    throw withAnswer(providerError(cause, session.provider.key, 'token'), answer);
  }
}

/** @see RFC 6749 §6; OIDC Core §12.2 (a refreshed ID token keeps iss and sub); RFC 9449 §5. */
export async function refreshAccessToken(
  session: ProviderSession,
  refreshToken: string,
  options: {
    /** The connection was made with `openid`: a refreshed ID token is validated; else ignored. */
    idToken?: boolean;
    dpop?: DpopKey | undefined;
  } = {},
): Promise<GrantResult> {
  let answer: ProviderAnswer | undefined;
  try {
    // A provider with its own refresh URL (entry `endpoints.refresh`) gets the request there.
    const refreshUrl = session.provider.endpoints.refresh;
    const target = refreshUrl
      ? {
          ...session.as,
          token_endpoint: fillTemplate(
            refreshUrl,
            urlTemplateValues(session.provider, session.client.templateValues),
          ),
        }
      : session.as;
    return await withDpopRetry(options.dpop, async () => {
      let response = await oauth.refreshTokenGrantRequest(
        target,
        session.oauthClient,
        session.clientAuth,
        refreshToken,
        {
          ...session.requestOptions(target.token_endpoint),
          ...tokenParamsOption(session),
          ...dpopOptions(options.dpop),
        },
      );
      ({ answer, response } = await readAnswer(response));
      const refused = errorBodyOf200(answer, session.provider.key, 'refresh');
      if (refused) throw refused;
      // The body was parsed once already (readAnswer): strip an ID token only when there is one.
      if (options.idToken === false && answer.body && 'id_token' in answer.body)
        response = await withoutIdToken(response);
      const as = await asFor(session, response);
      const result = await oauth.processRefreshTokenResponse(
        as,
        session.oauthClient,
        response,
        processOptions(session),
      );
      return await finish(session, result);
    });
  } catch (cause) {
    throw withAnswer(providerError(cause, session.provider.key, 'refresh'), answer);
  }
}

/**
 * @see RFC 7009 §2.1 — or the provider's own revocation call when its entry describes one
 * (`revocation`, src/catalog/revocation.ts), which names the token it takes from `tokens`.
 * Returns false when the provider has no way to revoke (or the token it needs is not held).
 */
export async function revokeToken(
  session: ProviderSession,
  token: string,
  tokens?: { accessToken?: string | undefined; refreshToken?: string | undefined },
): Promise<boolean> {
  const api = session.provider.revocation;
  if (api) {
    try {
      const options = session.requestOptions(); // its fetch and timeout; plain http judged below
      const fields = new URLSearchParams();
      const headers = new Headers();
      const values = urlTemplateValues(session.provider, session.client.templateValues);
      // Plain http judged on the revocation URL itself (it was judged on the token endpoint's, so
      // a revocation URL on an allowed loopback host was refused and one elsewhere was let
      // through to the egress check), refused with the policy's code like every other request.
      const revocationUrl = new URL(fillTemplate(api.url, values));
      const insecureOk = session.allowInsecure(revocationUrl);
      if (revocationUrl.protocol !== 'https:' && !insecureOk) {
        throw new ConsentryError('EGRESS_REFUSED', {
          detail: `${revocationUrl.protocol}//${revocationUrl.host} is refused: outbound requests use https (plain http only to an allowed loopback address).`,
          facts: { host: revocationUrl.hostname.slice(0, 253), reason: 'scheme' },
        });
      }
      if (api.clientAuth !== 'none') {
        const auth = await session.clientAuthFor(fillTemplate(api.url, values));
        await auth(session.as, session.oauthClient, fields, headers);
      }
      return await revokeAtApi(
        api,
        {
          accessToken: tokens ? tokens.accessToken : token,
          refreshToken: tokens ? tokens.refreshToken : token,
          templateValues: values,
          credentials: { fields, headers },
        },
        {
          providerKey: session.provider.key,
          fetch: options[oauth.customFetch] as unknown as FetchLike,
          allowInsecure: insecureOk,
        },
      );
    } catch (cause) {
      throw providerError(cause, session.provider.key, 'revoke');
    }
  }
  if (!session.as.revocation_endpoint) return false;
  try {
    const response = await oauth.revocationRequest(
      session.as,
      session.oauthClient,
      await session.clientAuthFor(session.as.revocation_endpoint),
      token,
      session.requestOptions(session.as.revocation_endpoint),
    );
    await oauth.processRevocationResponse(response);
    return true;
  } catch (cause) {
    throw providerError(cause, session.provider.key, 'revoke');
  }
}

/**
 * OIDC UserInfo (Core §5.3), used to name the account when the ID token carries no email
 * (oidc-provider and others put profile claims only in UserInfo). The subject must match the
 * ID token's (§5.3.4). Returns undefined when the provider has no UserInfo endpoint.
 */
export async function fetchUserInfo(
  session: ProviderSession,
  accessToken: string,
  expectedSubject: string,
  dpop?: DpopKey | undefined,
): Promise<Record<string, unknown> | undefined> {
  if (!session.as.userinfo_endpoint) return undefined;
  try {
    const response = await oauth.userInfoRequest(session.as, session.oauthClient, accessToken, {
      ...session.requestOptions(session.as.userinfo_endpoint),
      ...dpopOptions(dpop),
    } as oauth.UserInfoRequestOptions);
    return {
      ...(await oauth.processUserInfoResponse(session.as, session.oauthClient, expectedSubject, response)),
    };
  } catch (cause) {
    throw providerError(cause, session.provider.key, 'token');
  }
}

/**
 * Client credentials (RFC 6749 §4.4): the registered client asks for a token for itself — no
 * person, no refresh token (§4.4.3: one SHOULD NOT be issued), so a new token is requested before
 * expiry. Token endpoint: the entry's `clientCredentials.token`, else the session's; extra
 * parameters: `clientCredentials.tokenParams` (templated) and `params` (an RFC 8707 `resource`,
 * an `audience` the administrator chose); a parameter naming an optional template left empty is
 * not sent. `scopes` empty → the entry's `defaultScopes` (templated), and when those are empty
 * too, no `scope` parameter (the provider's default). `clientCredentials.grantType` replaces the
 * `grant_type` value for providers that name this two-legged grant otherwise (Zoom
 * `account_credentials`); the request is otherwise the same.
 *
 * Errors: PROVIDER_ERROR (an RFC 6749 §5.2 answer, also an HTTP-200 error body), CLIENT_REFUSED
 * via the caller's classification, TOKEN_RESPONSE_INVALID (a malformed success).
 */
export async function clientCredentialsGrant(
  session: ProviderSession,
  input: { scopes?: readonly string[]; params?: Record<string, string> } = {},
): Promise<GrantResult> {
  const cc = session.provider.clientCredentials;
  let answer: ProviderAnswer | undefined;
  try {
    const target = cc?.token
      ? {
          ...session.as,
          token_endpoint: fillTemplate(
            cc.token,
            urlTemplateValues(session.provider, session.client.templateValues),
          ),
        }
      : session.as;
    const values = urlTemplateValues(session.provider, session.client.templateValues);
    // Default scopes may name a per-client resource (`https://{environment}/.default`).
    const scopes = input.scopes?.length
      ? input.scopes
      : (cc?.defaultScopes ?? []).map((s) => fillTemplate(s, values));
    const parameters: Record<string, string> = {
      ...filledOptionalParams(session, cc?.tokenParams ?? {}),
      ...input.params,
    };
    if (scopes.length) parameters.scope = scopes.join(session.provider.scopeSeparator);
    // A client assertion (private_key_jwt) is addressed to the endpoint it is sent to.
    const clientAuth = cc?.token ? await session.clientAuthFor(target.token_endpoint) : session.clientAuth;
    const grantType = cc?.grantType ?? 'client_credentials';
    let response =
      grantType === 'client_credentials'
        ? await oauth.clientCredentialsGrantRequest(
            target,
            session.oauthClient,
            clientAuth,
            parameters,
            session.requestOptions(target.token_endpoint),
          )
        : // The provider's own name for the same two-legged grant (Zoom `account_credentials`).
          await oauth.genericTokenEndpointRequest(
            target,
            session.oauthClient,
            clientAuth,
            grantType,
            parameters,
            session.requestOptions(target.token_endpoint),
          );
    ({ answer, response } = await readAnswer(response));
    const refused = errorBodyOf200(answer, session.provider.key, 'token');
    if (refused) throw refused;
    const process =
      grantType === 'client_credentials'
        ? oauth.processClientCredentialsResponse
        : oauth.processGenericTokenEndpointResponse;
    const result = await process(
      target,
      session.oauthClient,
      await withoutIdToken(response),
      processOptions(session),
    );
    return { response: result, idTokenClaims: undefined };
  } catch (cause) {
    throw withAnswer(providerError(cause, session.provider.key, 'token'), answer);
  }
}

/**
 * No client authentication beside the assertion (RFC 7523 §3.1: the assertion may stand alone).
 * oauth4webapi's `None()` would add `client_id`, which Google's documented request does not carry
 * (only `grant_type` and `assertion`): the request is sent exactly as documented.
 */
const assertionOnly: oauth.ClientAuth = () => {};

/** RFC 7523 §2.1 grant type. */
export const JWT_BEARER_GRANT_TYPE = 'urn:ietf:params:oauth:grant-type:jwt-bearer';

/**
 * JWT bearer authorization grant (RFC 7523 §2.1): `assertion` is a JWT the caller signed (a
 * Google service account's, see https://developers.google.com/identity/protocols/oauth2/service-account#httprest);
 * it is the authorization and the client's authentication at once, so no other client
 * authentication is sent. No refresh token: a new assertion is signed before expiry.
 *
 * Errors: TOKEN_REQUEST_REJECTED with `facts.oauthError` (`invalid_grant` for a bad signature or
 * an unknown subject — Google `unauthorized_client` when domain-wide delegation is not granted),
 * PROVIDER_UNAVAILABLE (5xx, 429, network), TOKEN_RESPONSE_INVALID.
 */
export async function jwtBearerGrant(
  session: ProviderSession,
  input: { assertion: string; params?: Record<string, string> },
): Promise<GrantResult> {
  let answer: ProviderAnswer | undefined;
  try {
    let response = await oauth.genericTokenEndpointRequest(
      session.as,
      session.oauthClient,
      assertionOnly,
      JWT_BEARER_GRANT_TYPE,
      { ...input.params, assertion: input.assertion },
      session.requestOptions(),
    );
    ({ answer, response } = await readAnswer(response));
    const refused = errorBodyOf200(answer, session.provider.key, 'token');
    if (refused) throw refused;
    const result = await oauth.processGenericTokenEndpointResponse(
      session.as,
      session.oauthClient,
      await withoutIdToken(response),
      processOptions(session),
    );
    return { response: result, idTokenClaims: undefined };
  } catch (cause) {
    throw withAnswer(providerError(cause, session.provider.key, 'token'), answer);
  }
}
