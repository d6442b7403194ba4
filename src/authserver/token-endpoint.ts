import type { ApiAudience } from '../domain/application.ts';
import { parseScopeList, SCOPE_TOKEN } from '../domain/application.ts';
import type { ApplicationRepository } from '../storage/provider-role.ports.ts';
import { issueAccessToken } from './access-token.ts';
import { authenticateClient, formParameters, type OAuthRequestInput } from './client-authentication.ts';
import type { FailureLimiter } from './failure-limiter.ts';
import type { KeyStore } from './key-store.ts';
import { invalidRequest, OAuthError } from './oauth-error.ts';

/** The successful token response (RFC 6749 §5.1). */
export interface TokenResponse {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
  scope: string;
}

export interface TokenEndpointDeps {
  applications: ApplicationRepository;
  keys: KeyStore;
  limiter: FailureLimiter;
  issuer: string;
  audiences: Record<ApiAudience, string>;
  now: () => number;
}

/** The 503 the seed names word for word, answered while KEYS_DIR holds no usable key. */
export const keysMissing = () =>
  new OAuthError(
    'temporarily_unavailable',
    'OAuth authorization is not available as encryption keys configuration was not complete. Please contact your administrator.',
    503,
  );

/**
 * `POST /oauth2-token` — the client_credentials grant (RFC 6749 §4.4), the only grant offered.
 * Order: keys present → request well-formed → grant type → client authenticated → scope.
 * Throws OAuthError; the HTTP layer renders it with `Cache-Control: no-store`.
 */
export async function handleTokenRequest(
  deps: TokenEndpointDeps,
  input: OAuthRequestInput,
): Promise<TokenResponse> {
  const key = deps.keys.signingKey();
  if (!key) throw keysMissing();
  const params = formParameters(input);
  const grantType = params.get('grant_type');
  if (!grantType) throw invalidRequest('grant_type is required.');
  if (grantType !== 'client_credentials')
    throw new OAuthError('unsupported_grant_type', 'Only grant_type=client_credentials is supported.');
  const app = await authenticateClient(deps, input.authorization, params, input.address);

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
  const { accessToken } = issueAccessToken(
    key,
    {
      issuer: deps.issuer,
      audience: deps.audiences[app.audience],
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
