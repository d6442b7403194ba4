import { createHash } from 'node:crypto';
import { calculateJwkThumbprint, decodeProtectedHeader, EmbeddedJWK, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { dpopThumbprint, generateDpopKey, loadDpopKey, signDpopProof } from './dpop.ts';

describe('DPoP proofs (RFC 9449 §4.2)', () => {
  it('a stored key signs proofs with htm, htu (no query), iat, jti and ath, verifiable by the embedded JWK', async () => {
    const generated = await generateDpopKey({ client_id: 'rp' }, ['RS256', 'ES256']);
    expect(generated.alg).toBe('ES256');
    const key = await loadDpopKey({ client_id: 'rp' }, generated.json);
    expect(await dpopThumbprint(key)).toBe(await dpopThumbprint(generated));
    const proof = await signDpopProof(key, {
      method: 'get',
      url: 'https://api.example.com/v1/items?page=2#x',
      accessToken: 'access-token-1',
      nonce: 'n-1',
    });
    const header = decodeProtectedHeader(proof);
    expect(header).toMatchObject({ typ: 'dpop+jwt', alg: 'ES256' });
    expect(header.jwk).toBeDefined();
    expect((header.jwk as { d?: string }).d).toBeUndefined();
    const { payload } = await jwtVerify(proof, EmbeddedJWK, { typ: 'dpop+jwt' });
    expect(payload).toMatchObject({
      htm: 'GET',
      htu: 'https://api.example.com/v1/items',
      nonce: 'n-1',
      ath: createHash('sha256').update('access-token-1').digest('base64url'),
    });
    expect(payload.jti).toBeTruthy();
    expect(await calculateJwkThumbprint(header.jwk as never)).toBe(await dpopThumbprint(key));
  });

  it('falls back to an algorithm the server lists', async () => {
    expect((await generateDpopKey({ client_id: 'rp' }, ['RS256'])).alg).toBe('RS256');
  });
});
