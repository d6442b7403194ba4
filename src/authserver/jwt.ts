import { sign } from 'node:crypto';
import type { SigningKey } from './signing-keys.ts';

/**
 * JWS compact serialization (RFC 7515 §7.1) signed with node:crypto directly: the token endpoint's
 * cost is one signature, and a hand-off through WebCrypto (as jose does) costs more than the JSON.
 * Verification stays with jose (`access-token.ts`), where strictness matters more than speed.
 *
 * The signature runs on libuv's thread pool (`sign` with a callback), not on the event loop: it is
 * a fifth of a token's CPU, and meanwhile the event loop parses the next requests and runs their
 * database steps. On a core of its own the two share that core at no measurable cost (issue 14's
 * benchmark, per CPU-second); on a busy machine the server is no longer one thread against many.
 */
const headerCache = new WeakMap<SigningKey, string>();

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** @see RFC 9068 §2.1 — `typ: at+jwt` so an access token cannot pass for an ID token. */
export function signAccessTokenJwt(key: SigningKey, payload: object): Promise<string> {
  let header = headerCache.get(key);
  if (!header) {
    header = b64({ alg: key.alg, typ: 'at+jwt', kid: key.kid });
    headerCache.set(key, header);
  }
  const input = `${header}.${b64(payload)}`;
  const data = Buffer.from(input);
  return new Promise((resolve, reject) => {
    const done = (error: Error | null, signature: Buffer) =>
      error ? reject(error) : resolve(`${input}.${signature.toString('base64url')}`);
    if (key.alg === 'EdDSA') sign(null, data, key.privateKey, done);
    else if (key.alg === 'ES256')
      sign('sha256', data, { key: key.privateKey, dsaEncoding: 'ieee-p1363' }, done);
    else sign('sha256', data, key.privateKey, done);
  });
}
