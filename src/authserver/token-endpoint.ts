import type { ApiAudience } from '../domain/application.ts';
import { parseScopeList, SCOPE_TOKEN } from '../domain/application.ts';
import type { ApplicationRepository } from '../storage/provider-role.ports.ts';
import { issueAccessToken } from './access-token.ts';
import { resolveAudience } from './authorization.ts';
import { authenticateClient, formParameters, type OAuthRequestInput } from './client-authentication.ts';
import type { FailureLimiter } from './failure-limiter.ts';
import type { KeyStore } from './key-store.ts';
import { invalidRequest, OAuthError } from './oauth-error.ts';
import {
  authorizationCodeGrant,
  DEVICE_GRANT_TYPE,
  deviceCodeGrant,
  refreshTokenGrant,
  type UserGrantDeps,
  type UserTokenResponse,
} from './user-grants.ts';

/** The successful token response (RFC 6749 §5.1). */
export interface TokenResponse {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
  scope: string;
}

export interface TokenEndpointDeps extends UserGrantDeps {
  applications: ApplicationRepository;
  keys: KeyStore;
  limiter: FailureLimiter;
  issuer: string;
  audiences: Record<ApiAudience, string>;
  now: () => number;
}

export const GRANT_TYPES = ['authorization_code', 'refresh_token', 'client_credentials', DEVICE_GRANT_TYPE];

/** The 503 the seed names word for word, answered while KEYS_DIR holds no usable key. */
export const keysMissing = () =>
  new OAuthError(
    'temporarily_unavailable',
    'OAuth authorization is not available as encryption keys configuration was not complete. Please contact your administrator.',
    503,
  );

/**
 * `POST /oauth2-token` — client_credentials (RFC 6749 §4.4), authorization_code (§4.1.3, PKCE),
 * refresh_token (§6, rotated) and the device grant (RFC 8628 §3.4), see `user-grants.ts`.
 * Order: keys present → request well-formed → grant type → client authenticated → the grant.
 * Throws OAuthError; the HTTP layer renders it with `Cache-Control: no-store`.
 */
export async function handleTokenRequest(
  deps: TokenEndpointDeps,
  input: OAuthRequestInput,
): Promise<TokenResponse | UserTokenResponse> {
  const key = deps.keys.signingKey();
  if (!key) throw keysMissing();
  const params = formParameters(input);
  const grantType = params.get('grant_type');
  if (!grantType) throw invalidRequest('grant_type is required.');
  if (!GRANT_TYPES.includes(grantType))
    throw new OAuthError('unsupported_grant_type', 'This grant_type is not supported.');
  const app = await authenticateClient(deps, input.authorization, params, input.address);
  if (grantType === 'authorization_code') return authorizationCodeGrant(deps, key, app, params);
  if (grantType === 'refresh_token') return refreshTokenGrant(deps, key, app, params);
  if (grantType === DEVICE_GRANT_TYPE) return deviceCodeGrant(deps, key, app, params);
  // client_credentials: a public client holds no credentials to act on its own behalf with.
  if (app.clientType === 'public')
    throw new OAuthError('unauthorized_client', 'A public client cannot use the client_credentials grant.');
  let audience = deps.audiences[app.audience];
  if (params.has('resource')) {
    const resolved = resolveAudience(deps.audiences, app, params.get('resource'));
    if (!resolved)
      throw new OAuthError('invalid_target', 'The requested resource is not one this application may use.');
    audience = resolved;
  }

  // `scopes` is what Oro's documentation tells third parties to send; honoured when `scope` is absent.
  const requested = params.get('scope') ?? params.get('scopes');
  let scopes = app.scopes;
  if (requested !== undefined) {
    const list = parseScopeList(requested.split(' '));
    if (!list.every((s) => SCOPE_TOKEN.test(s)))
      throw new OAuthError('invalid_scope', 'The scope is malformed.');
    const allowed = new Set(app.scopes);
    if (!list.every((s) => allowed.has(s)))
      throw new OAuthError('invalid_scope', 'The requested scope exceeds what the application is allowed.');
    scopes = list;
  }
  const { accessToken } = await issueAccessToken(
    key,
    {
      issuer: deps.issuer,
      audience,
      clientId: app.clientId,
      scopes,
      lifetimeSeconds: app.tokenLifetimeSeconds,
    },
    deps.now(),
  );
  return {
    access_token: accessToken,
    token_type: 'Bearer',
    expires_in: app.tokenLifetimeSeconds,
    scope: scopes.join(' '),
  };
}
