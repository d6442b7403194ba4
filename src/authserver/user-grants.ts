import { randomInt } from 'node:crypto';
import type { ApiAudience, ApplicationCredentials } from '../domain/application.ts';
import type { UserRepository } from '../storage/console.ports.ts';
import type { AuthorizationRepository, GrantRecord } from '../storage/provider-role.ports.ts';
import { issueAccessToken } from './access-token.ts';
import {
  grantableScopes,
  isVerifier,
  opaqueToken,
  resolveAudience,
  s256,
  sha256Hex,
} from './authorization.ts';
import type { KeyStore } from './key-store.ts';
import { invalidRequest, OAuthError } from './oauth-error.ts';
import { newRefreshToken, refreshTokenKey } from './refresh-token.ts';
import type { SigningKey } from './signing-keys.ts';

/**
 * The grants that act for a person, at `POST /oauth2-token` beside client_credentials:
 * `authorization_code` (RFC 6749 §4.1.3 + PKCE, RFC 7636 §4.6), `refresh_token` (§6, rotated on
 * every use with reuse detection, RFC 9700 §4.14.2) and the device grant (RFC 8628 §3.4–3.5).
 * Each call gets an already authenticated client; every failure is an OAuthError.
 */
export const REFRESH_TOKEN_LIFETIME_SECONDS = 30 * 86_400;
export const DEVICE_CODE_LIFETIME_SECONDS = 600;
export const DEVICE_POLL_INTERVAL_SECONDS = 5;
export const DEVICE_GRANT_TYPE = 'urn:ietf:params:oauth:grant-type:device_code';

/** The token response of a user grant (RFC 6749 §5.1). */
export interface UserTokenResponse {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
  scope: string;
  refresh_token: string;
}

export interface UserGrantDeps {
  keys: KeyStore;
  issuer: string;
  audiences: Record<ApiAudience, string>;
  authorizations: AuthorizationRepository;
  users: Pick<UserRepository, 'get'>;
  now: () => number;
}

const invalidGrant = (description: string) => new OAuthError('invalid_grant', description);

export async function authorizationCodeGrant(
  deps: UserGrantDeps,
  key: SigningKey,
  app: ApplicationCredentials,
  params: Map<string, string>,
): Promise<UserTokenResponse> {
  const code = params.get('code');
  const redirectUri = params.get('redirect_uri');
  const verifier = params.get('code_verifier');
  if (!code) throw invalidRequest('code is required.');
  const a = deps.authorizations;
  const codeHash = sha256Hex(code);
  const record = await a.code(codeHash);
  const now = deps.now();
  if (!record) throw invalidGrant('The authorization code is invalid.');
  if (record.usedAt !== undefined) {
    // RFC 6749 §4.1.2: a code used twice — revoke what it issued (someone else may hold it).
    if (record.grantId) await a.revokeGrant(record.grantId, 'code_reuse', now);
    throw invalidGrant('The authorization code was already used; the tokens issued for it are revoked.');
  }
  if (record.expiresAt <= now) throw invalidGrant('The authorization code expired.');
  if (record.clientId !== app.clientId)
    throw invalidGrant('The authorization code was issued to another client.');
  if (redirectUri !== record.redirectUri)
    throw invalidGrant('redirect_uri differs from the one in the authorization request.');
  if (record.codeChallenge !== undefined) {
    if (!verifier || !isVerifier(verifier) || s256(verifier) !== record.codeChallenge) {
      // A wrong verifier burns the code: its holder cannot try again (RFC 7636 §4.6).
      await a.useCode(codeHash, now, undefined);
      throw invalidGrant('The PKCE code_verifier does not match the code_challenge.');
    }
  } else if (verifier !== undefined) {
    // RFC 9700 §2.1.1: a verifier with no challenge is a PKCE downgrade attempt.
    throw invalidGrant('A code_verifier was sent but the authorization request had no code_challenge.');
  }
  const grant: Omit<GrantRecord, 'revokedAt' | 'revokedReason'> = {
    id: crypto.randomUUID(),
    applicationId: app.id,
    clientId: app.clientId,
    userId: record.userId,
    scopes: record.scopes.filter((s) => app.scopes.includes(s)),
    audience: record.audience,
    authTime: record.authTime,
    createdAt: now,
  };
  await a.insertGrant(grant);
  if (!(await a.useCode(codeHash, now, grant.id))) {
    // Two redemptions at once: the loser revokes both its own grant and the winner's.
    await a.revokeGrant(grant.id, 'code_reuse', now);
    const winner = await a.code(codeHash);
    if (winner?.grantId) await a.revokeGrant(winner.grantId, 'code_reuse', now);
    throw invalidGrant('The authorization code was already used; the tokens issued for it are revoked.');
  }
  await liveUser(deps, grant);
  return issueUserTokens(deps, key, app, grant, grant.scopes);
}

/**
 * @see RFC 6749 §6, RFC 9700 §4.14.2 — one joined read (token, grant, user), the checks, then
 * rotation as one atomic step (the token marked used and its successor stored together), then the
 * signature. A used token that comes back revokes the whole grant, as does losing a race for it.
 */
export async function refreshTokenGrant(
  deps: UserGrantDeps,
  key: SigningKey,
  app: ApplicationCredentials,
  params: Map<string, string>,
): Promise<UserTokenResponse> {
  const token = params.get('refresh_token');
  if (!token) throw invalidRequest('refresh_token is required.');
  const a = deps.authorizations;
  const stored = refreshTokenKey(token);
  const now = deps.now();
  const context = await a.refreshTokenContext(stored);
  if (!context) throw invalidGrant('The refresh token is invalid or was revoked.');
  const { token: record, grant } = context;
  if (grant.revokedAt !== undefined) throw invalidGrant('The refresh token is invalid or was revoked.');
  if (grant.clientId !== app.clientId) throw invalidGrant('The refresh token was issued to another client.');
  if (record.usedAt !== undefined) {
    // RFC 9700 §4.14.2: a rotated-out refresh token came back — one of its holders is an attacker.
    await a.revokeGrant(grant.id, 'refresh_token_reuse', now);
    throw invalidGrant('The refresh token was already used; the grant is revoked.');
  }
  if (record.expiresAt <= now) throw invalidGrant('The refresh token expired.');
  // Scopes the application may no longer request are dropped from the grant's tokens.
  const current = grant.scopes.filter((s) => app.scopes.includes(s));
  const scopes = grantableScopes(current, params.get('scope'));
  if (!scopes) throw new OAuthError('invalid_scope', 'The requested scope exceeds the grant.');
  const resource = params.get('resource');
  if (resource !== undefined && resource.replace(/\/$/, '') !== grant.audience)
    throw new OAuthError('invalid_target', 'The requested resource is not the one this grant is for.');
  if (!context.userActive) await endGrantOfGoneUser(deps, grant);
  const refreshToken = newRefreshToken(grant.id);
  const rotated = await a.rotateRefreshToken(
    stored,
    {
      tokenHash: sha256Hex(refreshToken),
      grantId: grant.id,
      expiresAt: now + REFRESH_TOKEN_LIFETIME_SECONDS * 1000,
    },
    now,
  );
  if (!rotated) {
    // Another request rotated this token first: the same token was sent twice.
    await a.revokeGrant(grant.id, 'refresh_token_reuse', now);
    throw invalidGrant('The refresh token was already used; the grant is revoked.');
  }
  return signUserTokens(deps, key, app, grant, scopes, refreshToken, now);
}

/** The user must still exist and be enabled; otherwise the grant ends. */
async function liveUser(deps: UserGrantDeps, grant: Pick<GrantRecord, 'id' | 'userId'>): Promise<void> {
  const user = await deps.users.get(grant.userId);
  if (user && !user.disabled) return;
  await endGrantOfGoneUser(deps, grant);
}

async function endGrantOfGoneUser(deps: UserGrantDeps, grant: Pick<GrantRecord, 'id'>): Promise<never> {
  await deps.authorizations.revokeGrant(grant.id, 'user_gone', deps.now());
  throw invalidGrant('The user of this grant is disabled or deleted.');
}

async function issueUserTokens(
  deps: UserGrantDeps,
  key: SigningKey,
  app: ApplicationCredentials,
  grant: Pick<GrantRecord, 'id' | 'userId' | 'audience' | 'authTime'>,
  scopes: string[],
): Promise<UserTokenResponse> {
  const now = deps.now();
  const refreshToken = newRefreshToken(grant.id);
  await deps.authorizations.insertRefreshToken(
    sha256Hex(refreshToken),
    grant.id,
    now + REFRESH_TOKEN_LIFETIME_SECONDS * 1000,
    now,
  );
  return signUserTokens(deps, key, app, grant, scopes, refreshToken, now);
}

/** The access token for a grant's user, and the response carrying it with `refreshToken`. */
async function signUserTokens(
  deps: Pick<UserGrantDeps, 'issuer'>,
  key: SigningKey,
  app: ApplicationCredentials,
  grant: Pick<GrantRecord, 'id' | 'userId' | 'audience' | 'authTime'>,
  scopes: string[],
  refreshToken: string,
  now: number,
): Promise<UserTokenResponse> {
  const { accessToken } = await issueAccessToken(
    key,
    {
      issuer: deps.issuer,
      audience: grant.audience,
      clientId: app.clientId,
      scopes,
      lifetimeSeconds: app.tokenLifetimeSeconds,
      user: { id: grant.userId, authTimeMs: grant.authTime, grantId: grant.id },
    },
    now,
  );
  return {
    access_token: accessToken,
    token_type: 'Bearer',
    expires_in: app.tokenLifetimeSeconds,
    scope: scopes.join(' '),
    refresh_token: refreshToken,
  };
}

// ---------------------------------------------------------------------------------------------
// RFC 8628 — device authorization grant

/** RFC 8628 §6.1: consonants only (no vowels: no words), no look-alikes; 20^8 ≈ 2^34.6 codes. */
const USER_CODE_ALPHABET = 'BCDFGHJKLMNPQRSTVWXZ';

export function generateUserCode(): string {
  let code = '';
  for (let i = 0; i < 8; i++) code += USER_CODE_ALPHABET[randomInt(USER_CODE_ALPHABET.length)];
  return code;
}

/** What a person types, normalized: case and dashes/spaces ignored (RFC 8628 §6.1). */
export const normalizeUserCode = (typed: string): string =>
  typed
    .toUpperCase()
    .replace(/[^A-Z]/g, '')
    .slice(0, 16);
export const formatUserCode = (code: string): string => `${code.slice(0, 4)}-${code.slice(4)}`;

export interface DeviceAuthorizationResponse {
  device_code: string;
  user_code: string;
  verification_uri: string;
  verification_uri_complete: string;
  expires_in: number;
  interval: number;
}

/** RFC 8628 §3.1–3.2: the device asks; the answer tells the person where to enter the code. */
export async function deviceAuthorization(
  deps: UserGrantDeps & { verificationUri: string },
  app: ApplicationCredentials,
  params: Map<string, string>,
): Promise<DeviceAuthorizationResponse> {
  const scopes = grantableScopes(app.scopes, params.get('scope'));
  if (!scopes)
    throw new OAuthError(
      'invalid_scope',
      'The requested scope is unknown or not allowed for this application.',
    );
  const audience = resolveAudience(deps.audiences, app, params.get('resource'));
  if (!audience)
    throw new OAuthError('invalid_target', 'The requested resource is not one this application may use.');
  const deviceCode = opaqueToken();
  const now = deps.now();
  let userCode = generateUserCode();
  for (let attempt = 0; ; attempt++) {
    try {
      await deps.authorizations.insertDevice(
        {
          deviceCodeHash: sha256Hex(deviceCode),
          userCode,
          clientId: app.clientId,
          scopes,
          audience,
          intervalSeconds: DEVICE_POLL_INTERVAL_SECONDS,
          expiresAt: now + DEVICE_CODE_LIFETIME_SECONDS * 1000,
        },
        now,
      );
      break;
    } catch (e) {
      // A user code collision (unique index): draw again, a few times at most.
      if (attempt >= 3) throw e;
      userCode = generateUserCode();
    }
  }
  const shown = formatUserCode(userCode);
  return {
    device_code: deviceCode,
    user_code: shown,
    verification_uri: deps.verificationUri,
    verification_uri_complete: `${deps.verificationUri}?user_code=${shown}`,
    expires_in: DEVICE_CODE_LIFETIME_SECONDS,
    interval: DEVICE_POLL_INTERVAL_SECONDS,
  };
}

/** RFC 8628 §3.4–3.5: the device polls the token endpoint. */
export async function deviceCodeGrant(
  deps: UserGrantDeps,
  key: SigningKey,
  app: ApplicationCredentials,
  params: Map<string, string>,
): Promise<UserTokenResponse> {
  const deviceCode = params.get('device_code');
  if (!deviceCode) throw invalidRequest('device_code is required.');
  const a = deps.authorizations;
  const hash = sha256Hex(deviceCode);
  const record = await a.device(hash);
  const now = deps.now();
  if (!record || record.clientId !== app.clientId) throw invalidGrant('The device code is invalid.');
  if (record.expiresAt <= now) throw new OAuthError('expired_token', 'The device code expired; start again.');
  if (record.status === 'denied') throw new OAuthError('access_denied', 'The user denied access.');
  if (record.status === 'used') throw invalidGrant('The device code was already used.');
  if (record.status === 'pending') {
    if (record.lastPollAt !== undefined && now - record.lastPollAt < record.intervalSeconds * 1000) {
      // §3.5: "the interval MUST be increased by 5 seconds for this and all subsequent requests".
      await a.recordPoll(hash, now, record.intervalSeconds + 5);
      throw new OAuthError('slow_down', 'Polling too fast; wait longer between requests.');
    }
    await a.recordPoll(hash, now);
    throw new OAuthError('authorization_pending', 'The user has not yet approved the request.');
  }
  if (!(await a.useDevice(hash))) throw invalidGrant('The device code was already used.');
  const grant: Omit<GrantRecord, 'revokedAt' | 'revokedReason'> = {
    id: crypto.randomUUID(),
    applicationId: app.id,
    clientId: app.clientId,
    userId: record.userId!,
    scopes: record.scopes.filter((s) => app.scopes.includes(s)),
    audience: record.audience,
    authTime: record.authTime ?? now,
    createdAt: now,
  };
  await a.insertGrant(grant);
  await liveUser(deps, grant);
  return issueUserTokens(deps, key, app, grant, grant.scopes);
}
