import type { ApplicationCredentials } from '../domain/application.ts';
import type { AuthorizationRepository, RevokedTokenRepository } from '../storage/provider-role.ports.ts';
import { type TokenVerifierDeps, verifyAccessTokenString } from './access-token.ts';
import { invalidRequest, OAuthError } from './oauth-error.ts';
import { refreshTokenKey } from './refresh-token.ts';

/** RFC 7662 §2.2 — the introspection response. */
export type IntrospectionResponse =
  | { active: false }
  | {
      active: true;
      token_type: 'refresh_token';
      client_id: string;
      scope: string;
      sub: string;
      exp: number;
      iss: string;
    }
  | {
      active: true;
      scope: string;
      client_id: string;
      token_type: 'Bearer';
      exp: number;
      iat: number;
      sub: string;
      aud: string;
      iss: string;
      jti: string;
      auth_time?: number;
    };

/**
 * @see RFC 7662 — the caller must be an authenticated, active application (§2.1: protects against
 * token scanning); it may be a resource server other than the token's client, so any valid token
 * is described. Anything else — expired, revoked, from a deactivated or deleted application,
 * malformed, signed by an unknown key — is just `{"active": false}` (§2.2).
 */
export async function introspect(
  deps: TokenVerifierDeps,
  _caller: ApplicationCredentials,
  params: Map<string, string>,
): Promise<IntrospectionResponse> {
  const token = params.get('token');
  if (!token) throw invalidRequest('token is required.');
  if (isOpaque(token)) {
    // A refresh token (opaque: 256 random bits behind its grant id): described while it can still be used.
    const record = await deps.authorizations.refreshToken(refreshTokenKey(token));
    const grant = record && (await deps.authorizations.grant(record.grantId));
    if (
      !record ||
      !grant ||
      grant.revokedAt !== undefined ||
      record.usedAt !== undefined ||
      record.expiresAt <= deps.now()
    )
      return { active: false };
    return {
      active: true,
      token_type: 'refresh_token',
      client_id: grant.clientId,
      scope: grant.scopes.join(' '),
      sub: grant.userId,
      exp: Math.floor(record.expiresAt / 1000),
      iss: deps.issuer,
    };
  }
  try {
    const claims = await verifyAccessTokenString(deps, token, ['backend', 'frontend']);
    return {
      active: true,
      scope: claims.scope,
      client_id: claims.client_id,
      token_type: 'Bearer',
      exp: claims.exp,
      iat: claims.iat,
      sub: claims.sub,
      aud: claims.aud,
      iss: claims.iss,
      jti: claims.jti,
      ...(claims.auth_time !== undefined ? { auth_time: claims.auth_time } : {}),
    };
  } catch (e) {
    if (e instanceof OAuthError && e.error === 'invalid_token') return { active: false };
    throw e;
  }
}

/**
 * @see RFC 7009 — revokes an access token issued to the calling application: its `jti` is denied
 * until the token's own `exp`. An unknown, invalid or already expired token is a success (§2.2);
 * another client's token is refused (§2.1).
 */
export async function revoke(
  deps: TokenVerifierDeps & { revokedTokens: RevokedTokenRepository },
  caller: ApplicationCredentials,
  params: Map<string, string>,
): Promise<void> {
  const token = params.get('token');
  if (!token) throw invalidRequest('token is required.');
  if (isOpaque(token)) return revokeRefreshToken(deps.authorizations, caller, token, deps.now());
  let claims: { client_id?: unknown; jti?: unknown; exp?: unknown };
  try {
    // Signature first: an unsigned look-alike must not plant rows in the deny list.
    claims = await verifyAccessTokenString(deps, token, ['backend', 'frontend']);
  } catch (e) {
    if (!(e instanceof OAuthError)) throw e;
    // Already unusable (expired, revoked, malformed, unknown key): nothing left to revoke.
    return;
  }
  if (claims.client_id !== caller.clientId) throw notYours();
  const now = deps.now();
  await deps.revokedTokens.revoke(
    String(claims.jti),
    caller.clientId,
    new Date(Number(claims.exp) * 1000),
    new Date(now),
  );
  // Housekeeping on a rare path: the deny list only needs rows whose tokens could still be used.
  await deps.revokedTokens.deleteExpired(new Date(now));
}

const notYours = () =>
  new OAuthError('unauthorized_client', 'The token was not issued to the authenticated client.');

/** Access tokens are JWTs (three dot-separated parts); refresh tokens have no dot (`refresh-token.ts`). */
const isOpaque = (token: string) => !token.includes('.');

/**
 * RFC 7009 §2.1: revoking a refresh token also invalidates the access tokens of the same grant —
 * the whole grant is revoked (its access tokens are refused by the bearer check from then on).
 */
async function revokeRefreshToken(
  authorizations: AuthorizationRepository,
  caller: ApplicationCredentials,
  token: string,
  now: number,
): Promise<void> {
  const record = await authorizations.refreshToken(refreshTokenKey(token));
  const grant = record && (await authorizations.grant(record.grantId));
  if (!grant) return; // unknown or already revoked: nothing to do (§2.2)
  if (grant.clientId !== caller.clientId) throw notYours();
  await authorizations.revokeGrant(grant.id, 'revoked_by_client', now);
}
