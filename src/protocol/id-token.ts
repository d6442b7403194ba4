import { createRemoteJWKSet, customFetch, type JWTVerifyGetKey, jwtVerify } from 'jose';
import type { FetchLike } from '../catalog/quirks/quirk.ts';
import { ConsentryError } from '../domain/errors.ts';
import type { ProviderSession } from './provider-session.ts';

/**
 * ID-token signature check. oauth4webapi validates the claims (iss, aud, azp, exp, iat, nonce)
 * but, per OIDC Core §3.1.3.7 (TLS may stand in for the signature on the token endpoint), not the
 * signature; we verify it too, because SECURITY.md asks for defence in depth against a forged or
 * `alg: none` token. jose's remote key set refetches once on an unknown `kid`, then rejects.
 */
// Per egress fetch (one per running Consentry), then per jwks_uri.
const keySets = new WeakMap<FetchLike, Map<string, JWTVerifyGetKey>>();

export async function verifyIdTokenSignature(session: ProviderSession, idToken: string): Promise<void> {
  const jwksUri = session.as.jwks_uri;
  const key = session.provider.key;
  if (!jwksUri) {
    throw new ConsentryError('ID_TOKEN_INVALID', {
      detail: `${key} publishes no jwks_uri to verify ID tokens.`,
      facts: { provider: key },
    });
  }
  let byUri = keySets.get(session.egressFetch);
  if (!byUri) {
    byUri = new Map();
    keySets.set(session.egressFetch, byUri);
  }
  let keySet = byUri.get(jwksUri);
  if (!keySet) {
    // A short cooldown: after a provider rotates its keys, the next unknown `kid` refetches the
    // set (once); the fetches are bounded by our own token requests, never by an attacker.
    // Through the egress module: the jwks_uri gets its own scheme and address check (a discovery
    // document on loopback cannot point it at plain http elsewhere — issue 10, finding 3).
    const egressFetch = session.egressFetch;
    keySet = createRemoteJWKSet(new URL(jwksUri), {
      cooldownDuration: 1_000,
      timeoutDuration: 10_000,
      [customFetch]: (url, options) => egressFetch(url, { ...options, redirect: 'manual' }),
    });
    byUri.set(jwksUri, keySet);
  }
  const algorithms = session.as.id_token_signing_alg_values_supported?.filter((a) => a !== 'none') ?? [
    'RS256',
  ];
  try {
    await jwtVerify(idToken, keySet, { algorithms });
  } catch (cause) {
    const code = (cause as { code?: string }).code ?? 'ERR_JWT_INVALID';
    throw new ConsentryError('ID_TOKEN_INVALID', {
      detail: `${key}: the ID token signature is not valid (${code}).`,
      facts: { provider: key, reason: code },
      cause: new Error(code),
    });
  }
}
