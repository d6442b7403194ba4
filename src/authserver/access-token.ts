import { randomUUID } from 'node:crypto';
import { decodeProtectedHeader, errors as joseErrors, jwtVerify } from 'jose';
import type { ApiAudience } from '../domain/application.ts';
import type { ApplicationRepository, RevokedTokenRepository } from '../storage/provider-role.ports.ts';
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
}

export interface IssuedAccessToken {
  accessToken: string;
  claims: AccessTokenClaims;
}

/**
 * @see RFC 9068 §2 — a JWT access token: `typ: at+jwt`, `kid`; `sub` is the client itself in a
 * client_credentials grant (§2.2: "the client identifier … if the token was issued to a client
 * acting on its own behalf").
 */
export function issueAccessToken(
  key: SigningKey,
  input: { issuer: string; audience: string; clientId: string; scopes: string[]; lifetimeSeconds: number },
  nowMs: number,
): IssuedAccessToken {
  const iat = Math.floor(nowMs / 1000);
  const claims: AccessTokenClaims = {
    iss: input.issuer,
    sub: input.clientId,
    aud: input.audience,
    client_id: input.clientId,
    iat,
    exp: iat + input.lifetimeSeconds,
    // randomUUID draws from a cached entropy pool: 122 random bits without a syscall per token.
    jti: randomUUID(),
    scope: input.scopes.join(' '),
  };
  return { accessToken: signAccessTokenJwt(key, claims), claims };
}

export interface TokenVerifierDeps {
  keys: KeyStore;
  issuer: string;
  /** The audience URI of each API. */
  audiences: Record<ApiAudience, string>;
  applications: ApplicationRepository;
  revokedTokens: RevokedTokenRepository;
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

/** RFC 6750 §3.1 insufficient_scope: 403 naming the scopes the resource needs. */
export function assertScopes(claims: AccessTokenClaims, required: readonly string[]): void {
  const granted = new Set((claims.scope ?? '').split(' ').filter(Boolean));
  if (required.every((s) => granted.has(s))) return;
  const scope = required.join(' ');
  throw new OAuthError('insufficient_scope', `This request needs the scope "${scope}".`, 403, {
    'www-authenticate': `Bearer realm="consentry", error="insufficient_scope", scope="${scope}"`,
  });
}
