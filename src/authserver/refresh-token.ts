import type { RefreshTokenKey } from '../storage/provider-role.ports.ts';
import { opaqueToken, sha256Hex } from './authorization.ts';

/**
 * Refresh tokens: `<grant id>~<256 random bits, base64url>`. The grant id in front is not a secret
 * (access tokens carry it as `grant_id`); it lets storage keep a grant's tokens side by side,
 * keyed by `(grant_id, token_hash)` (migration 0019), so a rotation writes one place instead of
 * three. Only the SHA-256 of the whole string is stored; a token whose prefix was changed hashes
 * to nothing stored. `~` is unreserved in URLs and forms (RFC 3986 §2.3) and never occurs in a
 * grant id (a UUID), in base64url or in a JWT — `token-services.ts` tells refresh tokens from
 * access tokens by the JWT's dots.
 */
const SEPARATOR = '~';

export function newRefreshToken(grantId: string): string {
  return `${grantId}${SEPARATOR}${opaqueToken()}`;
}

/** How storage finds `token`; tokens issued before 0019 (bare base64url) carry no grant id. */
export function refreshTokenKey(token: string): RefreshTokenKey {
  const at = token.indexOf(SEPARATOR);
  return { grantId: at > 0 ? token.slice(0, at) : undefined, tokenHash: sha256Hex(token) };
}
