import { decodeProtectedHeader, importJWK, jwtVerify } from 'jose';
import type * as oauth from 'oauth4webapi';
import { describe, expect, it } from 'vitest';
import {
  chooseClientAuthMethod,
  clientSecretBasic,
  encodeBasicCredential,
  generateClientKeyPair,
  importClientPrivateKey,
  privateKeyJwt,
} from './client-auth.ts';

describe('encodeBasicCredential (RFC 6749 §2.3.1, unreserved kept)', () => {
  it('keeps A–Z a–z 0–9 - . _ ~ and percent-encodes everything else', () => {
    expect(encodeBasicCredential('consentry-rp.v1_~x')).toBe('consentry-rp.v1_~x');
    expect(encodeBasicCredential("a:b c+d/e!*'()%é")).toBe('a%3Ab%20c%2Bd%2Fe%21%2A%27%28%29%25%C3%A9');
  });

  it('the header a literal reader and a strict decoder both read as the real id and secret', async () => {
    const headers = new Headers();
    await clientSecretBasic('s3cret-1.a_b~c:x')(
      { issuer: 'https://op' },
      { client_id: 'consentry-rp' },
      new URLSearchParams(),
      headers,
    );
    const pair = Buffer.from(headers.get('authorization')!.slice(6), 'base64').toString();
    expect(pair).toBe('consentry-rp:s3cret-1.a_b~c%3Ax');
    const [id, secret] = pair.split(':').map((p) => decodeURIComponent(p));
    expect([id, secret]).toEqual(['consentry-rp', 's3cret-1.a_b~c:x']);
  });
});

describe('chooseClientAuthMethod', () => {
  const base = { preferred: 'client_secret_basic' as const, providerKey: 'p', override: undefined };
  it('the override wins; one without its credential is CLIENT_INVALID', () => {
    expect(
      chooseClientAuthMethod({
        ...base,
        override: 'client_secret_post',
        supported: ['client_secret_basic'],
        hasSecret: true,
        hasKey: false,
      }),
    ).toBe('client_secret_post');
    expect(() =>
      chooseClientAuthMethod({
        ...base,
        override: 'private_key_jwt',
        supported: undefined,
        hasSecret: true,
        hasKey: false,
      }),
    ).toThrow(expect.objectContaining({ code: 'CLIENT_INVALID' }));
  });

  it('metadata decides among the methods the client has credentials for', () => {
    const pick = (supported: string[] | undefined, hasSecret = true, hasKey = false) =>
      chooseClientAuthMethod({ ...base, supported, hasSecret, hasKey });
    expect(pick(undefined)).toBe('client_secret_basic');
    expect(pick(['client_secret_post'])).toBe('client_secret_post');
    expect(pick(['private_key_jwt', 'client_secret_basic'], true, true)).toBe('private_key_jwt');
    expect(pick(['client_secret_basic'], false, true)).toBe('private_key_jwt'); // nothing listed fits: the key
    expect(pick(['none'])).toBe('none');
    expect(pick(['client_secret_basic'], false, false)).toBe('none');
  });
});

describe('private_key_jwt keys', () => {
  it('a generated pair signs an RFC 7523 assertion addressed to the endpoint', async () => {
    const pair = await generateClientKeyPair();
    expect(pair.publicJwk).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig' });
    expect(pair.publicJwk.d).toBeUndefined();
    const auth = await privateKeyJwt(JSON.stringify(pair.privateJwk), 'https://op.example/token');
    const body = new URLSearchParams();
    await auth(
      { issuer: 'https://op.example' } as oauth.AuthorizationServer,
      { client_id: 'rp-1' },
      body,
      new Headers(),
    );
    const assertion = body.get('client_assertion')!;
    expect(decodeProtectedHeader(assertion).kid).toBe(pair.publicJwk.kid);
    const { payload } = await jwtVerify(assertion, await importJWK(pair.publicJwk, 'RS256'), {
      audience: 'https://op.example/token',
      issuer: 'rp-1',
      subject: 'rp-1',
    });
    expect(payload.jti).toBeTruthy();
    expect(body.get('client_assertion_type')).toBe('urn:ietf:params:oauth:client-assertion-type:jwt-bearer');
  });

  it('imports PEM and JWK private keys; refuses public keys and garbage', async () => {
    const { privateKey } = await (await import('node:crypto')).generateKeyPairSync('ec', {
      namedCurve: 'P-256',
    });
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const fromPem = await importClientPrivateKey(pem);
    expect(fromPem.publicJwk).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256' });
    const fromJwk = await importClientPrivateKey(JSON.stringify(fromPem.privateJwk));
    expect(fromJwk.publicJwk.kid).toBe(fromPem.publicJwk.kid);
    await expect(importClientPrivateKey(JSON.stringify(fromPem.publicJwk))).rejects.toMatchObject({
      code: 'CLIENT_INVALID',
    });
    await expect(importClientPrivateKey('not a key')).rejects.toMatchObject({ code: 'CLIENT_INVALID' });
  });
});
