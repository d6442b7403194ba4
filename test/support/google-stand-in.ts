import { createServer, type Server } from 'node:http';
import {
  decodeJwt,
  decodeProtectedHeader,
  exportPKCS8,
  generateKeyPair,
  type JWTPayload,
  jwtVerify,
  type ProtectedHeaderParameters,
} from 'jose';
import { freePort } from './ports.ts';

/**
 * A loopback stand-in for Google's OAuth 2.0 token endpoint as a service account meets it
 * (https://developers.google.com/identity/protocols/oauth2/service-account#httprest): it takes
 * `grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer&assertion=…`, verifies the assertion's
 * RS256 signature with the PUBLIC key of the service account named by the header's `kid` (as
 * Google does with the keys it keeps for the account), checks the claims, and answers in
 * Google's shapes:
 *
 * - 200 `{access_token, expires_in: 3599, token_type: "Bearer"}` (no refresh token);
 * - 400 `invalid_grant` "Invalid JWT Signature." — unknown kid, a signature that does not verify,
 *   an `iss` that is not the key's account;
 * - 400 `invalid_grant` "Invalid JWT: Token must be a short-lived token (60 minutes) and in a
 *   reasonable timeframe. Check your iat and exp values in the JWT claim." — exp − iat > 3600 s or
 *   iat in the future;
 * - 400 `invalid_grant` "Invalid email or User ID" — a `sub` the domain does not have;
 * - 401 `unauthorized_client` "Client is unauthorized to retrieve access tokens using this
 *   method, or client not authorized for any of the scopes requested." — domain-wide delegation
 *   not granted for the key's client id and every requested scope.
 *
 * (Shapes as reported verbatim in googleapis/google-api-php-client#2214, google-cloud-python#10004,
 * google-auth-library-ruby#210.) Minted tokens are remembered so a mail server can ask whom a
 * bearer belongs to and with which scopes.
 */
export const GOOGLE_AUD = 'https://oauth2.googleapis.com/token';
const JWT_BEARER = 'urn:ietf:params:oauth:grant-type:jwt-bearer';

export interface StandInServiceAccount {
  clientEmail: string;
  clientId: string;
  privateKeyId: string;
  publicKey: CryptoKey;
  /** The JSON key file Google would download for this account. */
  keyFile: string;
}

export interface GoogleRequest {
  body: URLSearchParams;
  header: ProtectedHeaderParameters | undefined;
  claims: JWTPayload | undefined;
  /** Whether the signature verified with the account's public key. */
  signatureValid: boolean;
  status: number;
  answer: Record<string, unknown>;
}

export interface GoogleStandIn {
  url: string;
  requests: GoogleRequest[];
  /** A new service account with its key (the stand-in keeps only the public half). */
  createServiceAccount(name?: string): Promise<StandInServiceAccount>;
  /** Domain-wide delegation: the admin console's "client id + scopes" entry. */
  delegate(clientId: string, scopes: readonly string[]): void;
  /** Users of the Workspace domain (a `sub` outside this list is "Invalid email or User ID"). */
  users: Set<string>;
  /** Who a minted token acts as, and for which scopes; undefined for an unknown token. */
  tokenInfo(token: string): { subject: string; scopes: string[]; exp: number } | undefined;
  /** Make every token minted from now on expire after `seconds` (tests of re-minting). */
  expiresIn(seconds: number): void;
  close(): Promise<void>;
}

export async function startGoogleStandIn(): Promise<GoogleStandIn> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const accounts = new Map<string, StandInServiceAccount>();
  const delegation = new Map<string, Set<string>>();
  const tokens = new Map<string, { subject: string; scopes: string[]; exp: number }>();
  const requests: GoogleRequest[] = [];
  const users = new Set<string>();
  let lifetime = 3599;
  let counter = 0;

  async function answer(body: URLSearchParams): Promise<Omit<GoogleRequest, 'body'>> {
    const refuse = (
      status: number,
      error: string,
      description: string,
      extra: Partial<GoogleRequest> = {},
    ) => ({
      header: undefined,
      claims: undefined,
      signatureValid: false,
      ...extra,
      status,
      answer: { error, error_description: description },
    });
    if (body.get('grant_type') !== JWT_BEARER)
      return refuse(400, 'unsupported_grant_type', `Invalid grant_type: ${body.get('grant_type') ?? ''}`);
    const assertion = body.get('assertion') ?? '';
    let header: ProtectedHeaderParameters;
    let unverified: JWTPayload;
    try {
      header = decodeProtectedHeader(assertion);
      unverified = decodeJwt(assertion);
    } catch {
      return refuse(400, 'invalid_grant', 'Invalid JWT Signature.');
    }
    const seen = { header, claims: unverified };
    const account = header.kid ? accounts.get(header.kid) : undefined;
    if (!account) return refuse(400, 'invalid_grant', 'Invalid JWT Signature.', seen);
    try {
      await jwtVerify(assertion, account.publicKey, {
        algorithms: ['RS256'],
        currentDate: new Date(unverified.iat! * 1000),
      });
    } catch {
      return refuse(400, 'invalid_grant', 'Invalid JWT Signature.', seen);
    }
    const verified = { ...seen, signatureValid: true };
    const claims = unverified;
    if (claims.iss !== account.clientEmail)
      return refuse(400, 'invalid_grant', 'Invalid JWT Signature.', verified);
    const now = Math.floor(Date.now() / 1000);
    if (
      typeof claims.iat !== 'number' ||
      typeof claims.exp !== 'number' ||
      claims.exp - claims.iat > 3600 ||
      claims.iat > now + 60 ||
      claims.exp < now
    )
      return refuse(
        400,
        'invalid_grant',
        'Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe. Check your iat and exp values in the JWT claim.',
        verified,
      );
    if (claims.aud !== GOOGLE_AUD) return refuse(400, 'invalid_grant', 'Invalid JWT Signature.', verified);
    const scopes = typeof claims.scope === 'string' ? claims.scope.split(' ').filter(Boolean) : [];
    if (!scopes.length)
      return refuse(400, 'invalid_scope', 'Invalid OAuth scope or ID token audience provided.', verified);
    if (claims.sub !== undefined) {
      if (!users.has(String(claims.sub)))
        return refuse(400, 'invalid_grant', 'Invalid email or User ID', verified);
      const allowed = delegation.get(account.clientId) ?? new Set<string>();
      if (!scopes.every((s) => allowed.has(s)))
        return refuse(
          401,
          'unauthorized_client',
          'Client is unauthorized to retrieve access tokens using this method, or client not authorized for any of the scopes requested.',
          verified,
        );
    }
    const token = `ya29.standin-${++counter}-${Math.random().toString(36).slice(2)}`;
    tokens.set(token, { subject: String(claims.sub ?? account.clientEmail), scopes, exp: now + lifetime });
    return {
      ...verified,
      status: 200,
      answer: { access_token: token, expires_in: lifetime, token_type: 'Bearer' },
    };
  }

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = new URLSearchParams(Buffer.concat(chunks).toString());
      answer(body).then(
        (result) => {
          requests.push({ body, ...result });
          res.statusCode = result.status;
          res.setHeader('content-type', 'application/json; charset=utf-8');
          res.end(JSON.stringify(result.answer));
        },
        () => {
          res.statusCode = 500;
          res.end();
        },
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));

  return {
    url,
    requests,
    users,
    async createServiceAccount(name = `sa${accounts.size + 1}`) {
      const pair = await generateKeyPair('RS256', { extractable: true });
      const privateKeyId = Buffer.from(`${name}-${Math.random()}`).toString('hex').slice(0, 40);
      const clientId = String(100000000000000000000n + BigInt(accounts.size + 1));
      const clientEmail = `${name}@consentry-test.iam.gserviceaccount.com`;
      const keyFile = JSON.stringify(
        {
          type: 'service_account',
          project_id: 'consentry-test',
          private_key_id: privateKeyId,
          private_key: await exportPKCS8(pair.privateKey),
          client_email: clientEmail,
          client_id: clientId,
          auth_uri: 'https://accounts.google.com/o/oauth2/auth',
          token_uri: GOOGLE_AUD,
          auth_provider_x509_cert_url: 'https://www.googleapis.com/oauth2/v1/certs',
          client_x509_cert_url: `https://www.googleapis.com/robot/v1/metadata/x509/${encodeURIComponent(clientEmail)}`,
          universe_domain: 'googleapis.com',
        },
        null,
        2,
      );
      const account = { clientEmail, clientId, privateKeyId, publicKey: pair.publicKey, keyFile };
      accounts.set(privateKeyId, account);
      return account;
    },
    delegate(clientId, scopes) {
      delegation.set(clientId, new Set(scopes));
    },
    tokenInfo(token) {
      const t = tokens.get(token);
      return t && t.exp > Math.floor(Date.now() / 1000) ? t : undefined;
    },
    expiresIn(seconds) {
      lifetime = seconds;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
