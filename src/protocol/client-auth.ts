import { createHash, createPrivateKey, createPublicKey, type JsonWebKey, X509Certificate } from 'node:crypto';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type JWK } from 'jose';
import * as oauth from 'oauth4webapi';
import { CLIENT_AUTH_METHODS, type ClientAuthMethod } from '../catalog/provider.ts';
import { ConsentryError } from '../domain/errors.ts';

/**
 * Client authentication at the token, revocation and PAR endpoints (RFC 6749 §2.3, RFC 7523 §2.2).
 *
 * Which method: a per-registered-client override (`options.clientAuth`) wins; otherwise a stored
 * private key means `private_key_jwt`, then the catalog's preference, then what the server's
 * metadata lists in `token_endpoint_auth_methods_supported` (RFC 8414 §2) among the methods this
 * client has credentials for.
 */

/**
 * RFC 6749 §2.3.1 asks for the id and secret to be form-encoded before Basic, and for servers to
 * decode them; most servers take the header literally instead (oauth2-mock-server, many
 * commercial ones), and most clients leave the unreserved characters (RFC 3986 §2.3:
 * `A–Z a–z 0–9 - . _ ~`) as they are. Keeping those as they are works with both kinds: a strict
 * decoder leaves them unchanged, a literal reader sees the real id. Every other byte is
 * percent-encoded (UTF-8), as both kinds expect. Hand-written because oauth4webapi's
 * `ClientSecretBasic` also encodes `- . _ ~` and has no option to keep them.
 */
export function encodeBasicCredential(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** `client_secret_basic` with the unreserved characters kept (see encodeBasicCredential). */
export function clientSecretBasic(clientSecret: string): oauth.ClientAuth {
  return (_as, client, _body, headers) => {
    const pair = `${encodeBasicCredential(client.client_id)}:${encodeBasicCredential(clientSecret)}`;
    headers.set('authorization', `Basic ${Buffer.from(pair, 'utf8').toString('base64')}`);
  };
}

export function isClientAuthMethod(value: unknown): value is ClientAuthMethod {
  return typeof value === 'string' && (CLIENT_AUTH_METHODS as readonly string[]).includes(value);
}

/**
 * Picks the method (see the module comment).
 * @throws CLIENT_INVALID when the override needs a credential the client does not have.
 */
export function chooseClientAuthMethod(input: {
  override: ClientAuthMethod | undefined;
  preferred: ClientAuthMethod;
  /** `token_endpoint_auth_methods_supported`, when the server publishes metadata. */
  supported: readonly string[] | undefined;
  hasSecret: boolean;
  hasKey: boolean;
  providerKey: string;
}): ClientAuthMethod {
  const capable = (m: ClientAuthMethod) =>
    m === 'none' || (m === 'private_key_jwt' ? input.hasKey : input.hasSecret);
  if (input.override) {
    if (!capable(input.override)) {
      throw new ConsentryError('CLIENT_INVALID', {
        detail: `${input.providerKey}: ${input.override} needs ${input.override === 'private_key_jwt' ? 'a key pair (generate or import one)' : 'a client secret'}.`,
        facts: { provider: input.providerKey, clientAuth: input.override },
      });
    }
    return input.override;
  }
  const order: ClientAuthMethod[] = [
    ...(input.hasKey ? (['private_key_jwt'] as const) : []),
    input.preferred,
    'client_secret_basic',
    'client_secret_post',
    'private_key_jwt',
    'none',
  ];
  const usable = order.filter(capable);
  // A public client (nothing to authenticate with) is `none` whatever the entry prefers.
  if (!input.hasSecret && !input.hasKey) return 'none';
  const listed = input.supported ? usable.find((m) => input.supported!.includes(m)) : undefined;
  return listed ?? usable[0] ?? 'none';
}

/** A stored client key: the private JWK (with `kid` and `alg`), sealed at rest by the store. */
export interface ClientKeyPair {
  privateJwk: JWK;
  publicJwk: JWK;
}

const KEY_ALGS = ['RS256', 'PS256', 'ES256', 'EdDSA'] as const;

/**
 * A new key pair for `private_key_jwt`. RS256 by default: the one algorithm every provider that
 * takes client assertions accepts (Microsoft certificate credentials are RSA only).
 */
export async function generateClientKeyPair(
  alg: (typeof KEY_ALGS)[number] = 'RS256',
): Promise<ClientKeyPair> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  return withKid(await exportJWK(privateKey), await exportJWK(publicKey), alg);
}

/**
 * An imported private key: a JWK (JSON) or a PKCS#8 PEM. Its public half is derived here.
 *
 * A PEM may come with its X.509 certificate (the key and `-----BEGIN CERTIFICATE-----` in one
 * text, as `openssl` writes them): a provider that identifies the key by its certificate
 * (Microsoft Entra certificate credentials,
 * https://learn.microsoft.com/entra/identity-platform/certificate-credentials) gets the
 * certificate's thumbprints — `x5t` (SHA-1) and `x5t#S256` (SHA-256) of its DER, base64url — kept
 * in the JWK (RFC 7517 §4.8, §4.9) and sent in every assertion's header. The certificate must
 * hold this key's public half.
 * @throws CLIENT_INVALID when the text is not a usable private key, or the certificate does not match.
 */
export async function importClientPrivateKey(text: string, alg?: string): Promise<ClientKeyPair> {
  let thumbprints: Record<string, string> = {};
  try {
    const trimmed = text.trim();
    const certificate = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.exec(trimmed)?.[0];
    const keyPem =
      /-----BEGIN (?:RSA |EC )?PRIVATE KEY-----[\s\S]+?-----END (?:RSA |EC )?PRIVATE KEY-----/.exec(
        trimmed,
      )?.[0];
    const keyObject = trimmed.startsWith('{')
      ? createPrivateKey({ key: JSON.parse(trimmed) as JsonWebKey, format: 'jwk' })
      : createPrivateKey(keyPem ?? trimmed);
    const privateJwk = keyObject.export({ format: 'jwk' }) as JWK;
    const publicJwk = createPublicKey(keyObject).export({ format: 'jwk' }) as JWK;
    if (certificate) {
      const x509 = new X509Certificate(certificate);
      const certJwk = x509.publicKey.export({ format: 'jwk' }) as JWK;
      if (certJwk.n !== publicJwk.n || certJwk.x !== publicJwk.x || certJwk.e !== publicJwk.e)
        throw new Error('certificate mismatch');
      thumbprints = {
        x5t: createHash('sha1').update(x509.raw).digest('base64url'),
        'x5t#S256': createHash('sha256').update(x509.raw).digest('base64url'),
      };
    }
    const chosen =
      alg ??
      (privateJwk.kty === 'RSA'
        ? 'RS256'
        : privateJwk.kty === 'EC'
          ? ({ 'P-256': 'ES256', 'P-384': 'ES384', 'P-521': 'ES512' } as Record<string, string>)[
              privateJwk.crv!
            ]
          : privateJwk.kty === 'OKP'
            ? 'EdDSA'
            : undefined);
    if (!chosen || privateJwk.d === undefined) throw new Error('unsupported key type');
    return withKid({ ...privateJwk, ...thumbprints }, { ...publicJwk, ...thumbprints }, chosen);
  } catch (cause) {
    const mismatch = cause instanceof Error && cause.message === 'certificate mismatch';
    throw new ConsentryError('CLIENT_INVALID', {
      detail: mismatch
        ? 'The certificate does not hold this private key’s public key.'
        : 'The key is not a private key in PEM (PKCS#8) or JWK form (RSA, EC P-256/384/521 or Ed25519).',
      cause: new Error(cause instanceof Error ? cause.name : 'invalid key'),
    });
  }
}

async function withKid(privateJwk: JWK, publicJwk: JWK, alg: string): Promise<ClientKeyPair> {
  const kid = await calculateJwkThumbprint(publicJwk);
  return {
    privateJwk: { ...privateJwk, kid, alg, use: 'sig' },
    publicJwk: { ...publicJwk, kid, alg, use: 'sig' },
  };
}

/**
 * `private_key_jwt` (RFC 7523 §2.2, OIDC Core §9): a client assertion signed with the stored key.
 * `aud` is the URL of the endpoint the assertion is sent to (the token endpoint for exchange and
 * refresh) — what Microsoft and Okta require; oidc-provider and Keycloak accept it too.
 */
export async function privateKeyJwt(privateJwkJson: string, audience: string): Promise<oauth.ClientAuth> {
  const jwk = JSON.parse(privateJwkJson) as JWK & { 'x5t#S256'?: string };
  const { x5t, 'x5t#S256': x5tS256 } = jwk;
  const key = (await importJWK(jwk, jwk.alg)) as CryptoKey;
  return oauth.PrivateKeyJwt(
    { key, ...(jwk.kid ? { kid: jwk.kid } : {}) },
    {
      [oauth.modifyAssertion]: (header, payload) => {
        payload.aud = audience;
        // A key imported with its certificate: the certificate's thumbprints identify it
        // (Microsoft certificate credentials look the certificate up by x5t / x5t#S256).
        if (x5t) (header as Record<string, unknown>).x5t = x5t;
        if (x5tS256) (header as Record<string, unknown>)['x5t#S256'] = x5tS256;
      },
    },
  );
}
