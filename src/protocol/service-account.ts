import { createPrivateKey } from 'node:crypto';
import { importJWK, type JWK, SignJWT } from 'jose';
import type { RegisteredClient } from '../domain/connection.ts';
import { ConsentryError } from '../domain/errors.ts';
import { type GrantResult, jwtBearerGrant } from './grant.ts';
import type { ProviderSession } from './provider-session.ts';
import { answerOf, withAnswer } from './token-answer.ts';

/**
 * Google service accounts (RFC 7523 §2.1 JWT bearer grant, Google's "server-to-server" flow):
 * the JSON key file Google hands out, the assertion signed with its private key, and the grant
 * that trades the assertion for an access token — optionally as a user of the Workspace domain
 * (domain-wide delegation: `sub` = the user to impersonate).
 *
 * @see https://developers.google.com/identity/protocols/oauth2/service-account#httprest
 * @see https://developers.google.com/workspace/guides/create-credentials#service-account (key file)
 */

/**
 * The one token endpoint a Google key may name (`token_uri` of every key issued since 2018).
 * It is also the assertion's `aud`, whichever URL the request is sent to (tests: a loopback
 * stand-in), so the signed assertion is exactly what Google checks.
 */
export const GOOGLE_TOKEN_URI = 'https://oauth2.googleapis.com/token';

/** Google refuses assertions valid for longer than an hour (`exp` ≤ `iat` + 3600 s). */
export const MAX_ASSERTION_LIFETIME_SECONDS = 3600;

/** A parsed, validated Google service-account key (the private key only as a JWK, in memory). */
export interface ServiceAccountKey {
  /** `client_email`: the service account's identity, the assertion's `iss`. */
  clientEmail: string;
  /** `private_key_id`: the key's id at Google, the assertion header's `kid`. */
  privateKeyId: string;
  /** `client_id`: the numeric id an administrator enters for domain-wide delegation. */
  clientId: string | undefined;
  projectId: string | undefined;
  /** `token_uri` (always GOOGLE_TOKEN_URI once validated). */
  tokenUri: string;
  /** The RSA private key as a JWK with `kid` = `private_key_id` and `alg` = RS256. */
  privateJwk: JWK;
}

/** What a registered client keeps in `options.serviceAccount` (public facts only; no key). */
export interface ServiceAccountFacts {
  clientEmail: string;
  privateKeyId: string;
  clientId?: string | undefined;
  projectId?: string | undefined;
  tokenUri: string;
}

function invalid(field: string, detail: string): ConsentryError {
  // Never the file's text nor a parser message (V8's JSON errors quote the input): field names only.
  return new ConsentryError('SERVICE_ACCOUNT_KEY_INVALID', { detail, facts: { field } });
}

function text(json: Record<string, unknown>, field: string, required: boolean): string | undefined {
  const value = json[field];
  if (value === undefined || value === null || value === '') {
    if (required) throw invalid(field, `The key file has no “${field}”: download a new JSON key.`);
    return undefined;
  }
  if (typeof value !== 'string') throw invalid(field, `“${field}” in the key file is not a string.`);
  return value.trim();
}

const EMAIL = /^[^\s@]{1,64}@[A-Za-z0-9.-]{1,253}$/;

/**
 * Parses the JSON key file of a Google service account (the file Google Cloud console → IAM →
 * Service accounts → Keys → Add key → JSON downloads).
 *
 * Checked: `type` = `service_account`; `client_email` an address; `private_key_id` present;
 * `private_key` a PKCS#8 PEM RSA private key; `token_uri` = GOOGLE_TOKEN_URI.
 *
 * @throws SERVICE_ACCOUNT_KEY_INVALID with `facts.field` naming the offending field (`json` when
 *   the text is not a JSON object). Messages never contain the key.
 */
export function parseServiceAccountKey(input: string): ServiceAccountKey {
  let json: unknown;
  try {
    json = JSON.parse(input);
  } catch {
    throw invalid('json', 'It is not JSON: upload the .json file Google downloaded (not a .p12 file).');
  }
  if (!json || typeof json !== 'object' || Array.isArray(json))
    throw invalid('json', 'It is not a JSON object.');
  const obj = json as Record<string, unknown>;
  const type = text(obj, 'type', true);
  if (type !== 'service_account')
    throw invalid(
      'type',
      `“type” is “${type === 'authorized_user' || type === 'external_account' ? type : 'something else'}”, not “service_account”: this is not a service-account key.`,
    );
  const clientEmail = text(obj, 'client_email', true)!;
  if (!EMAIL.test(clientEmail)) throw invalid('client_email', '“client_email” is not an email address.');
  const privateKeyId = text(obj, 'private_key_id', true)!;
  if (!/^[A-Za-z0-9_-]{1,128}$/.test(privateKeyId))
    throw invalid('private_key_id', '“private_key_id” is not a key id.');
  const tokenUri = text(obj, 'token_uri', true)!;
  if (tokenUri !== GOOGLE_TOKEN_URI)
    throw invalid(
      'token_uri',
      `“token_uri” must be Google’s token endpoint ${GOOGLE_TOKEN_URI}; the key names another.`,
    );
  const pem = text(obj, 'private_key', true)!;
  let privateJwk: JWK;
  try {
    const key = createPrivateKey({ key: pem, format: 'pem' });
    if (key.asymmetricKeyType !== 'rsa') throw new Error('not RSA');
    privateJwk = key.export({ format: 'jwk' }) as JWK;
  } catch {
    throw invalid('private_key', '“private_key” is not an RSA private key in PEM form.');
  }
  return {
    clientEmail,
    privateKeyId,
    clientId: text(obj, 'client_id', false),
    projectId: text(obj, 'project_id', false),
    tokenUri,
    privateJwk: { ...privateJwk, kid: privateKeyId, alg: 'RS256', use: 'sig' },
  };
}

/** The public facts a registered client keeps about its key (shown in pages; never the key). */
export function serviceAccountFacts(key: ServiceAccountKey): ServiceAccountFacts {
  return {
    clientEmail: key.clientEmail,
    privateKeyId: key.privateKeyId,
    ...(key.clientId ? { clientId: key.clientId } : {}),
    ...(key.projectId ? { projectId: key.projectId } : {}),
    tokenUri: key.tokenUri,
  };
}

/** The service-account facts of a registered client, or undefined for an ordinary client. */
export function serviceAccountOf(client: RegisteredClient): ServiceAccountFacts | undefined {
  const sa = client.options.serviceAccount as Partial<ServiceAccountFacts> | undefined;
  if (!sa || typeof sa.clientEmail !== 'string' || typeof sa.privateKeyId !== 'string') return undefined;
  return {
    clientEmail: sa.clientEmail,
    privateKeyId: sa.privateKeyId,
    clientId: typeof sa.clientId === 'string' ? sa.clientId : undefined,
    projectId: typeof sa.projectId === 'string' ? sa.projectId : undefined,
    tokenUri: typeof sa.tokenUri === 'string' ? sa.tokenUri : GOOGLE_TOKEN_URI,
  };
}

export interface AssertionClaims {
  /** The user to impersonate (domain-wide delegation); undefined = the service account itself. */
  subject?: string | undefined;
  /** Scopes; sent space-separated in the `scope` claim (Google requires at least one). */
  scopes: readonly string[];
  /** `iat`, seconds since the epoch. */
  issuedAt: number;
  /** `exp` − `iat`, seconds; at most MAX_ASSERTION_LIFETIME_SECONDS (the default). */
  lifetimeSeconds?: number;
}

/**
 * Signs the assertion Google's token endpoint takes: header `{alg: RS256, typ: JWT, kid:
 * private_key_id}`, claims `iss` = client_email, `sub` = the impersonated user (when given),
 * `scope` = the scopes space-separated, `aud` = token_uri, `iat`, `exp` ≤ `iat` + 3600.
 *
 * @see https://developers.google.com/identity/protocols/oauth2/service-account#authorizingrequests
 * @throws SCOPES_INVALID when no scope is given; SERVICE_ACCOUNT_KEY_INVALID when the stored key
 *   cannot sign.
 */
export async function signServiceAccountAssertion(
  key: { facts: ServiceAccountFacts; privateJwk: string },
  claims: AssertionClaims,
): Promise<string> {
  if (!claims.scopes.length)
    throw new ConsentryError('SCOPES_INVALID', {
      detail: 'A service account needs at least one scope (Google refuses an assertion without one).',
    });
  const lifetime = Math.min(
    claims.lifetimeSeconds ?? MAX_ASSERTION_LIFETIME_SECONDS,
    MAX_ASSERTION_LIFETIME_SECONDS,
  );
  let signingKey: CryptoKey;
  try {
    const jwk = JSON.parse(key.privateJwk) as JWK;
    signingKey = (await importJWK(jwk, 'RS256')) as CryptoKey;
  } catch {
    throw invalid('private_key', 'The stored private key cannot sign: upload the key file again.');
  }
  const payload: Record<string, unknown> = { scope: claims.scopes.join(' ') };
  const jwt = new SignJWT(payload)
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: key.facts.privateKeyId })
    .setIssuer(key.facts.clientEmail)
    .setAudience(key.facts.tokenUri)
    .setIssuedAt(claims.issuedAt)
    .setExpirationTime(claims.issuedAt + lifetime);
  if (claims.subject) jwt.setSubject(claims.subject);
  return jwt.sign(signingKey);
}

/**
 * One token for (service account, subject, scopes): signs a fresh assertion and runs the JWT
 * bearer grant (RFC 7523 §2.1) at the session's token endpoint. No refresh token comes back
 * (Google issues none for this grant); the caller mints again before `expires_in` runs out.
 *
 * Errors: as jwtBearerGrant — TOKEN_REQUEST_REJECTED (`facts.oauthError`) for Google's
 * `invalid_grant` ("Invalid JWT Signature.": key deleted or wrong; "Invalid email or User ID":
 * unknown subject) and `unauthorized_client` (domain-wide delegation missing for the scopes),
 * with a sentence saying what to fix; PROVIDER_UNAVAILABLE; TOKEN_RESPONSE_INVALID; plus
 * CLIENT_INVALID when the client is not a service account or has no stored key.
 */
export async function serviceAccountGrant(
  session: ProviderSession,
  input: {
    /** The stored private JWK (JSON), opened from the client's sealed key. */
    privateJwk: string | undefined;
    subject?: string | undefined;
    scopes: readonly string[];
    /** Seconds since the epoch (tests pin it). */
    now?: number;
  },
): Promise<GrantResult> {
  const facts = serviceAccountOf(session.client);
  if (!facts || !input.privateJwk)
    throw new ConsentryError('CLIENT_INVALID', {
      detail: `“${session.client.name}” is not a service account with a stored key: upload its JSON key.`,
      facts: { client: session.client.id },
    });
  const assertion = await signServiceAccountAssertion(
    { facts, privateJwk: input.privateJwk },
    {
      subject: input.subject,
      scopes: input.scopes,
      issuedAt: input.now ?? Math.floor(Date.now() / 1000),
    },
  );
  try {
    return await jwtBearerGrant(session, { assertion });
  } catch (e) {
    throw explained(e, facts, input);
  }
}

/**
 * Google's documented refusals of a service-account assertion, with what the administrator
 * fixes (the description is Google's; the detail never includes the assertion).
 * @see https://developers.google.com/identity/protocols/oauth2/service-account#error-codes
 */
function explained(
  e: unknown,
  facts: ServiceAccountFacts,
  input: { subject?: string | undefined; scopes: readonly string[] },
): unknown {
  if (!(e instanceof ConsentryError) || e.code !== 'TOKEN_REQUEST_REJECTED') return e;
  const answer = answerOf(e);
  const description =
    typeof answer?.body?.error_description === 'string' ? answer.body.error_description.slice(0, 200) : '';
  let hint: string | undefined;
  if (e.facts.oauthError === 'unauthorized_client')
    hint = `Domain-wide delegation is not granted: in the Google Admin console (Security → Access and data control → API controls → Domain-wide delegation) add client ID ${facts.clientId ?? facts.clientEmail} with the scopes ${input.scopes.join(',')}.`;
  else if (/Invalid JWT Signature/i.test(description))
    hint = `Google does not accept the key ${facts.privateKeyId} of ${facts.clientEmail} (deleted, disabled or replaced): upload a current JSON key.`;
  else if (/Invalid email or User ID/i.test(description))
    hint = `Google does not know the user ${input.subject ?? ''} to act as: check the address (a user of the Workspace domain).`;
  else if (/short-lived token|reasonable timeframe/i.test(description))
    hint = 'Google refused the assertion’s time window: check this server’s clock.';
  if (!hint) return e;
  return withAnswer(
    new ConsentryError('TOKEN_REQUEST_REJECTED', {
      detail: `google answered “${String(e.facts.oauthError)}”${description ? ` (${description})` : ''}. ${hint}`,
      facts: { ...e.facts, ...(description ? { description } : {}) },
      cause: e,
    }),
    answer,
  );
}
