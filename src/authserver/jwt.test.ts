import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeProtectedHeader, jwtVerify } from 'jose';
import { afterAll, describe, expect, it } from 'vitest';
import { signAccessTokenJwt } from './jwt.ts';
import { generateKeyFiles, readKeyDirectory, SIGNING_ALGS } from './signing-keys.ts';

const dir = mkdtempSync(join(tmpdir(), 'consentry-jwt-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('signAccessTokenJwt (signature on the thread pool)', () => {
  for (const alg of SIGNING_ALGS) {
    it(`${alg}: a JWS that jose verifies with the public key, typ at+jwt and the kid`, async () => {
      const keysDir = join(dir, alg);
      generateKeyFiles(keysDir, { alg });
      const [key] = readKeyDirectory(keysDir);
      const claims = { iss: 'https://as.example', sub: 'u1', aud: 'https://api.example', jti: 'j', n: alg };
      const jwts = await Promise.all(Array.from({ length: 8 }, () => signAccessTokenJwt(key!, claims)));
      for (const jwt of jwts) {
        expect(decodeProtectedHeader(jwt)).toEqual({ alg, typ: 'at+jwt', kid: key!.kid });
        const { payload } = await jwtVerify(jwt, key!.publicKey, { algorithms: [alg], typ: 'at+jwt' });
        expect(payload).toEqual(claims);
      }
      // A changed payload no longer matches its signature.
      const [h, , s] = jwts[0]!.split('.');
      const forged = `${h}.${Buffer.from(JSON.stringify({ ...claims, sub: 'u2' })).toString('base64url')}.${s}`;
      await expect(jwtVerify(forged, key!.publicKey, { algorithms: [alg] })).rejects.toThrow();
    });
  }
});
