import { randomUUID } from 'node:crypto';
import { decodeProtectedHeader, errors as joseErrors, jwtVerify } from 'jose';
import type { ApiAudience } from '../domain/application.ts';
import type { UserRepository } from '../storage/console.ports.ts';
import type {
  ApplicationRepository,
  AuthorizationRepository,
  RevokedTokenRepository,
} from '../storage/provider-role.ports.ts';
import { signAccessTokenJwt } from './jwt.ts';
import type { KeyStore } from './key-store.ts';
import { OAuthError } from './oauth-error.ts';
import type { SigningKey } from './signing-keys.ts';

/** The claims of an access token (RFC 9068 §2.2). */
export interface AccessTokenClaims {
  iss: string;
  sub: string;
  aud: string;
  client_id: string;
  iat: number;
  exp: number;
  jti: string;
  scope: string;
  /** RFC 9068 §2.2.1: when the user signed in (seconds); only on user-bound tokens. */
  auth_time?: number;
  /** The grant a user-bound token belongs to: revoking the grant ends the token. */
  grant_id?: string;
}

/** The person behind a user-bound token (a console user). */
export interface AccessUser {
  id: string;
  email: string;
}

/** What `verifyAccessToken` hands a protected route: the claims and, for user-bound tokens, the user. */
export type VerifiedAccess = AccessTokenClaims & { user: AccessUser | undefined };

export interface IssuedAccessToken {
  accessToken: string;
  claims: AccessTokenClaims;
}

/**
 * @see RFC 9068 §2 — a JWT access token: `typ: at+jwt`, `kid`; `sub` is the client itself in a
 * client_credentials grant (§2.2: "the client identifier … if the token was issued to a client
 * acting on its own behalf"), the user's id when issued for a user (with `auth_time`, seconds).
 */
export async function issueAccessToken(
  key: SigningKey,
  input: {
    issuer: string;
    audience: string;
    clientId: string;
    scopes: string[];
    lifetimeSeconds: number;
    user?: { id: string; authTimeMs: number; grantId: string };
  },
  nowMs: number,
): Promise<IssuedAccessToken> {
  const iat = Math.floor(nowMs / 1000);
  const claims: AccessTokenClaims = {
    iss: input.issuer,
    sub: input.user ? input.user.id : input.clientId,
    aud: input.audience,
    client_id: input.clientId,
    iat,
    exp: iat + input.lifetimeSeconds,
    // randomUUID draws from a cached entropy pool: 122 random bits without a syscall per token.
    jti: randomUUID(),
    scope: input.scopes.join(' '),
    ...(input.user
      ? { auth_time: Math.floor(input.user.authTimeMs / 1000), grant_id: input.user.grantId }
      : {}),
  };
  return { accessToken: await signAccessTokenJwt(key, claims), claims };
}

export interface TokenVerifierDeps {
  keys: KeyStore;
  issuer: string;
  /** The audience URI of each API. */
  audiences: Record<ApiAudience, string>;
  applications: ApplicationRepository;
  revokedTokens: RevokedTokenRepository;
  /** Grants of user-bound tokens and the users behind them. */
  authorizations: AuthorizationRepository;
  users: Pick<UserRepository, 'get'>;
  /** RFC 9728 §5.1: the protected-resource metadata URL named in every challenge. */
  resourceMetadata?: (audience: string) => string;
  now: () => number;
}

const invalidToken = (description: string) =>
  new OAuthError('invalid_token', description, 401, {
    'www-authenticate': `Bearer realm="consentry", error="invalid_token", error_description="${description}"`,
  });

/**
 * Everything that makes a token acceptable, in one place for the bearer check and introspection:
 * a published key by `kid`, its algorithm, signature, `typ: at+jwt`, issuer, audience, expiry;
 * then the state only the server knows — the jti not revoked, the application still present and
 * active, and the token not older than the application's last deactivation.
 * Throws `invalid_token` (RFC 6750 §3.1) with a fixed description.
 */
export async function verifyAccessTokenString(
  deps: TokenVerifierDeps,
  token: string,
  audience: ApiAudience | readonly ApiAudience[],
): Promise<AccessTokenClaims> {
  let kid: string | undefined;
  try {
    kid = decodeProtectedHeader(token).kid;
  } catch {
    throw invalidToken('The access token is malformed.');
  }
  const key = kid ? deps.keys.verificationKey(kid) : undefined;
  if (!key) throw invalidToken('The access token is not signed by a published key.');
  const wanted = (typeof audience === 'string' ? [audience] : audience).map((a) => deps.audiences[a]);
  let claims: AccessTokenClaims;
  try {
    const result = await jwtVerify(token, key.publicKey, {
      algorithms: [key.alg],
      typ: 'at+jwt',
      issuer: deps.issuer,
      audience: wanted,
      requiredClaims: ['sub', 'client_id', 'iat', 'exp', 'jti'],
      currentDate: new Date(deps.now()),
      clockTolerance: 0,
    });
    claims = result.payload as unknown as AccessTokenClaims;
  } catch (e) {
    if (e instanceof joseErrors.JWTExpired) throw invalidToken('The access token expired.');
    if (e instanceof joseErrors.JWTClaimValidationFailed && e.claim === 'aud')
      throw invalidToken('The access token is for another API.');
    throw invalidToken('The access token is invalid.');
  }
  if (typeof claims.client_id !== 'string' || typeof claims.jti !== 'string')
    throw invalidToken('The access token is invalid.');
  const app = await deps.applications.credentials(claims.client_id);
  if (!app?.active) throw invalidToken('The application is deactivated or deleted.');
  if (app.tokensValidFrom !== undefined && claims.iat * 1000 < app.tokensValidFrom)
    throw invalidToken('The access token was revoked.');
  if (await deps.revokedTokens.isRevoked(claims.jti)) throw invalidToken('The access token was revoked.');
  return claims;
}

/**
 * The user behind a user-bound token (one with `grant_id`): the grant must be live and belong to
 * this client and subject, and the user must exist and not be disabled. Client tokens have none.
 * Throws `invalid_token` otherwise.
 */
export async function userOfToken(
  deps: TokenVerifierDeps,
  claims: AccessTokenClaims,
): Promise<AccessUser | undefined> {
  if (claims.grant_id === undefined) {
    if (claims.sub !== claims.client_id) throw invalidToken('The access token is invalid.');
    return undefined;
  }
  const grant = await deps.authorizations.grant(String(claims.grant_id));
  if (!grant || grant.revokedAt !== undefined) throw invalidToken('The access token was revoked.');
  if (grant.userId !== claims.sub || grant.clientId !== claims.client_id)
    throw invalidToken('The access token is invalid.');
  const user = await deps.users.get(grant.userId);
  if (!user || user.disabled) throw invalidToken('The user is disabled or deleted.');
  return { id: user.id, email: user.email };
}

/** RFC 6750 §3.1 insufficient_scope: 403 naming the scopes the resource needs. */
export function assertScopes(claims: AccessTokenClaims, required: readonly string[]): void {
  const granted = new Set((claims.scope ?? '').split(' ').filter(Boolean));
  if (required.every((s) => granted.has(s))) return;
  const scope = required.join(' ');
  throw new OAuthError('insufficient_scope', `This request needs the scope "${scope}".`, 403, {
    'www-authenticate': `Bearer realm="consentry", error="insufficient_scope", scope="${scope}"`,
  });
}
