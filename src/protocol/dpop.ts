import { createHash, randomUUID } from 'node:crypto';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type JWK, SignJWT } from 'jose';
import * as oauth from 'oauth4webapi';

/**
 * DPoP (RFC 9449) as a client. A connection whose tokens are DPoP-bound keeps its key pair
 * (the private JWK, sealed at rest by the store); token requests carry proofs through oauth4webapi's
 * `DPoP` handle, and features get proofs for their own resource requests from `signDpopProof`.
 */

/** Algorithms we can sign proofs with, in order of preference (RFC 9449 §5.1 metadata). */
const PROOF_ALGS = ['ES256', 'EdDSA', 'PS256', 'RS256'] as const;

export interface DpopKey {
  /** The private JWK (with `alg`), JSON: what the store seals. */
  json: string;
  handle: oauth.DPoPHandle;
  privateKey: CryptoKey;
  publicJwk: JWK;
  alg: string;
}

/** A new key pair for one connection, with an algorithm the server advertises (ES256 by default). */
export async function generateDpopKey(
  client: oauth.Client,
  supported: readonly string[] | undefined,
): Promise<DpopKey> {
  const alg = PROOF_ALGS.find((a) => !supported?.length || supported.includes(a)) ?? 'ES256';
  const { privateKey } = await generateKeyPair(alg, { extractable: true });
  const jwk = { ...(await exportJWK(privateKey)), alg };
  return loadDpopKey(client, JSON.stringify(jwk));
}

/** The stored key (private JWK JSON) as a DPoP handle and proof signer. */
export async function loadDpopKey(client: oauth.Client, json: string): Promise<DpopKey> {
  const jwk = JSON.parse(json) as JWK;
  const alg = jwk.alg ?? 'ES256';
  const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...publicJwk } = jwk;
  delete publicJwk.alg;
  const privateKey = (await importJWK(jwk, alg)) as CryptoKey;
  const publicKey = (await importJWK({ ...publicJwk, alg }, alg)) as CryptoKey;
  return {
    json,
    handle: oauth.DPoP(client, { privateKey, publicKey }),
    privateKey,
    publicJwk,
    alg,
  };
}

/** RFC 7638 thumbprint of the public key (`cnf.jkt` of bound tokens). */
export function dpopThumbprint(key: DpopKey): Promise<string> {
  return calculateJwkThumbprint(key.publicJwk);
}

/**
 * A DPoP proof for one resource request (RFC 9449 §4.2, §7.1): `htm`, `htu` (the URL without
 * query and fragment), `iat`, a unique `jti` and `ath` (the access token's SHA-256, base64url).
 * `nonce` when the resource server asked for one (§9). Hand-written on jose because oauth4webapi
 * signs proofs only inside the requests it sends itself, and features send their own.
 */
export async function signDpopProof(
  key: DpopKey,
  request: {
    method: string;
    url: string | URL;
    accessToken?: string | undefined;
    nonce?: string | undefined;
  },
  now: Date = new Date(),
): Promise<string> {
  const url = new URL(request.url);
  const htu = `${url.origin}${url.pathname}`;
  const payload: Record<string, unknown> = { htm: request.method.toUpperCase(), htu, jti: randomUUID() };
  if (request.accessToken)
    payload.ath = createHash('sha256').update(request.accessToken, 'ascii').digest('base64url');
  if (request.nonce) payload.nonce = request.nonce;
  return new SignJWT(payload)
    .setProtectedHeader({ typ: 'dpop+jwt', alg: key.alg, jwk: key.publicJwk })
    .setIssuedAt(Math.floor(now.getTime() / 1000))
    .sign(key.privateKey);
}
