import { sign } from 'node:crypto';
import type { SigningKey } from './signing-keys.ts';

/**
 * JWS compact serialization (RFC 7515 §7.1) signed with node:crypto directly: the token endpoint's
 * cost is one signature, and a hand-off through WebCrypto (as jose does) costs more than the JSON.
 * Verification stays with jose (`access-token.ts`), where strictness matters more than speed.
 */
const headerCache = new WeakMap<SigningKey, string>();

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** @see RFC 9068 §2.1 — `typ: at+jwt` so an access token cannot pass for an ID token. */
export function signAccessTokenJwt(key: SigningKey, payload: object): string {
  let header = headerCache.get(key);
  if (!header) {
    header = b64({ alg: key.alg, typ: 'at+jwt', kid: key.kid });
    headerCache.set(key, header);
  }
  const input = `${header}.${b64(payload)}`;
  const signature =
    key.alg === 'EdDSA'
      ? sign(null, Buffer.from(input), key.privateKey)
      : key.alg === 'ES256'
        ? sign('sha256', Buffer.from(input), { key: key.privateKey, dsaEncoding: 'ieee-p1363' })
        : sign('sha256', Buffer.from(input), key.privateKey);
  return `${input}.${signature.toString('base64url')}`;
}
