import { exportPKCS8, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOG } from '../../src/catalog/providers/index.ts';
import { ProviderRegistry } from '../../src/catalog/registry.ts';
import { ConsentryError, isConsentryError } from '../../src/domain/errors.ts';
import { openProviderSession } from '../../src/protocol/provider-session.ts';
import {
  GOOGLE_TOKEN_URI,
  parseServiceAccountKey,
  type ServiceAccountKey,
  serviceAccountFacts,
  serviceAccountGrant,
  signServiceAccountAssertion,
} from '../../src/protocol/service-account.ts';
import {
  type GoogleStandIn,
  type StandInServiceAccount,
  startGoogleStandIn,
} from '../support/google-stand-in.ts';
import { clientFor, rewriteForStandIn, SETTINGS } from './support.ts';

/**
 * Google service accounts over the JWT bearer grant (RFC 7523 §2.1) against a stand-in for
 * Google's token endpoint that verifies each assertion's signature with the account's PUBLIC key
 * and answers in Google's documented shapes.
 */
const registry = new ProviderRegistry(CATALOG);
const MAIL = 'https://mail.google.com/';
let google: GoogleStandIn;
let account: StandInServiceAccount;
let key: ServiceAccountKey;

beforeAll(async () => {
  google = await startGoogleStandIn();
  account = await google.createServiceAccount('mailer');
  key = parseServiceAccountKey(account.keyFile);
  google.users.add('alice@example.test');
  google.users.add('bob@example.test');
  google.delegate(account.clientId, [MAIL, 'https://www.googleapis.com/auth/calendar']);
});
afterAll(async () => {
  await google?.close();
});

async function sessionFor(k: ServiceAccountKey = key) {
  const entry = registry.get('google');
  const provider = rewriteForStandIn(entry, google.url);
  const client = clientFor(
    provider,
    {},
    {
      clientId: k.clientEmail,
      hasClientSecret: false,
      hasClientKey: true,
      options: { serviceAccount: serviceAccountFacts(k) },
    },
  );
  return openProviderSession({
    provider,
    client,
    quirks: registry.quirksOf(entry),
    clientSecret: undefined,
    settings: SETTINGS,
  });
}

async function rejection(p: Promise<unknown>): Promise<ConsentryError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ConsentryError) return e;
    throw e;
  }
  throw new Error('expected a rejection');
}

function keyFileWith(changes: Record<string, unknown>): string {
  return JSON.stringify({ ...JSON.parse(account.keyFile), ...changes });
}

describe('the service-account key file', () => {
  it('is parsed into its public facts and an RSA private JWK whose kid is private_key_id', () => {
    expect(serviceAccountFacts(key)).toEqual({
      clientEmail: 'mailer@consentry-test.iam.gserviceaccount.com',
      privateKeyId: account.privateKeyId,
      clientId: account.clientId,
      projectId: 'consentry-test',
      tokenUri: GOOGLE_TOKEN_URI,
    });
    expect(key.privateJwk).toMatchObject({ kty: 'RSA', kid: account.privateKeyId, alg: 'RS256' });
    expect(typeof key.privateJwk.d).toBe('string');
  });

  const pem = () => JSON.parse(account.keyFile).private_key as string;
  const cases: [string, () => string, string][] = [
    ['not JSON', () => `not json ${pem()}`, 'json'],
    ['a JSON array', () => '[1]', 'json'],
    ['an OAuth client file (type authorized_user)', () => keyFileWith({ type: 'authorized_user' }), 'type'],
    ['no client_email', () => keyFileWith({ client_email: undefined }), 'client_email'],
    ['a client_email that is not an address', () => keyFileWith({ client_email: 'mailer' }), 'client_email'],
    ['no private_key_id', () => keyFileWith({ private_key_id: '' }), 'private_key_id'],
    ['another token_uri', () => keyFileWith({ token_uri: 'https://evil.example/token' }), 'token_uri'],
    ['a broken private_key', () => keyFileWith({ private_key: pem().slice(0, 200) }), 'private_key'],
    ['a private_key that is not a string', () => keyFileWith({ private_key: 42 }), 'private_key'],
  ];
  for (const [name, file, field] of cases) {
    it(`refuses ${name} with SERVICE_ACCOUNT_KEY_INVALID naming “${field}”, never echoing the key`, () => {
      let error: unknown;
      try {
        parseServiceAccountKey(file());
      } catch (e) {
        error = e;
      }
      expect(isConsentryError(error, 'SERVICE_ACCOUNT_KEY_INVALID')).toBe(true);
      const e = error as ConsentryError;
      expect(e.facts.field).toBe(field);
      const shown = `${e.message} ${JSON.stringify(e.toJSON())} ${String(e.cause ?? '')}`;
      expect(shown).not.toContain('BEGIN PRIVATE KEY');
      expect(shown).not.toContain(pem().split('\n')[1]!.slice(0, 20));
    });
  }

  it('refuses an EC private key (Google service-account keys are RSA)', async () => {
    const ec = await generateKeyPair('ES256', { extractable: true });
    const file = keyFileWith({ private_key: await exportPKCS8(ec.privateKey) });
    expect(() => parseServiceAccountKey(file)).toThrow(/not an RSA private key/);
  });
});

describe('the assertion Google’s token endpoint gets', () => {
  it('is RS256 with kid = private_key_id, iss/sub/scope/aud/iat/exp as documented, verified with the public key', async () => {
    const before = google.requests.length;
    const session = await sessionFor();
    const now = Math.floor(Date.now() / 1000);
    const result = await serviceAccountGrant(session, {
      privateJwk: JSON.stringify(key.privateJwk),
      subject: 'alice@example.test',
      scopes: [MAIL, 'https://www.googleapis.com/auth/calendar'],
      now,
    });
    const requests = google.requests.slice(before);
    expect(requests).toHaveLength(1);
    const req = requests[0]!;
    // Exactly Google's documented form: grant_type and assertion, nothing else (no client_id).
    expect([...req.body.keys()].sort()).toEqual(['assertion', 'grant_type']);
    expect(req.body.get('grant_type')).toBe('urn:ietf:params:oauth:grant-type:jwt-bearer');
    expect(req.signatureValid).toBe(true);
    expect(req.header).toEqual({ alg: 'RS256', typ: 'JWT', kid: account.privateKeyId });
    expect(req.claims).toEqual({
      iss: account.clientEmail,
      sub: 'alice@example.test',
      scope: `${MAIL} https://www.googleapis.com/auth/calendar`,
      aud: 'https://oauth2.googleapis.com/token',
      iat: now,
      exp: now + 3600,
    });
    expect(req.status).toBe(200);
    expect(result.response.access_token).toBe(req.answer.access_token);
    expect(result.response.expires_in).toBe(3599);
    expect(result.response.token_type.toLowerCase()).toBe('bearer');
    expect(result.response.refresh_token).toBeUndefined();
    expect(google.tokenInfo(result.response.access_token)).toMatchObject({
      subject: 'alice@example.test',
      scopes: [MAIL, 'https://www.googleapis.com/auth/calendar'],
    });
  });

  it('never lasts more than an hour, whatever is asked', async () => {
    const jwt = await signServiceAccountAssertion(
      { facts: serviceAccountFacts(key), privateJwk: JSON.stringify(key.privateJwk) },
      { scopes: [MAIL], issuedAt: 1_000_000, lifetimeSeconds: 7200 },
    );
    const claims = JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString()) as Record<
      string,
      unknown
    >;
    expect(claims.exp).toBe(1_003_600);
    expect(claims).not.toHaveProperty('sub');
  });

  it('without a subject the service account acts as itself (no delegation needed)', async () => {
    const other = await google.createServiceAccount('self');
    const k = parseServiceAccountKey(other.keyFile);
    const result = await serviceAccountGrant(await sessionFor(k), {
      privateJwk: JSON.stringify(k.privateJwk),
      scopes: ['https://www.googleapis.com/auth/cloud-platform'],
    });
    expect(google.tokenInfo(result.response.access_token)?.subject).toBe(other.clientEmail);
  });

  it('refuses to sign without a scope (Google requires one)', async () => {
    const e = await rejection(
      serviceAccountGrant(await sessionFor(), { privateJwk: JSON.stringify(key.privateJwk), scopes: [] }),
    );
    expect(e.code).toBe('SCOPES_INVALID');
  });

  it('a client without a stored key is CLIENT_INVALID before any request', async () => {
    const before = google.requests.length;
    const e = await rejection(
      serviceAccountGrant(await sessionFor(), { privateJwk: undefined, scopes: [MAIL] }),
    );
    expect(e.code).toBe('CLIENT_INVALID');
    expect(google.requests.length).toBe(before);
  });
});

describe('Google’s documented refusals', () => {
  it('a key Google does not hold (replaced or forged): invalid_grant “Invalid JWT Signature.”', async () => {
    const forged = await generateKeyPair('RS256', { extractable: true });
    const stolenId = parseServiceAccountKey(
      keyFileWith({ private_key: await exportPKCS8(forged.privateKey) }),
    );
    const before = google.requests.length;
    const e = await rejection(
      serviceAccountGrant(await sessionFor(stolenId), {
        privateJwk: JSON.stringify(stolenId.privateJwk),
        subject: 'alice@example.test',
        scopes: [MAIL],
      }),
    );
    const req = google.requests.slice(before)[0]!;
    expect(req.signatureValid).toBe(false);
    expect(req.status).toBe(400);
    expect(req.answer).toEqual({ error: 'invalid_grant', error_description: 'Invalid JWT Signature.' });
    expect(e.code).toBe('TOKEN_REQUEST_REJECTED');
    expect(e.facts).toMatchObject({ oauthError: 'invalid_grant', status: 400 });
    expect(e.message).toMatch(/upload a current JSON key/);
  });

  it('delegation not granted for a scope: 401 unauthorized_client, and the message says where to grant it', async () => {
    const e = await rejection(
      serviceAccountGrant(await sessionFor(), {
        privateJwk: JSON.stringify(key.privateJwk),
        subject: 'alice@example.test',
        scopes: [MAIL, 'https://www.googleapis.com/auth/drive'],
      }),
    );
    const last = google.requests.at(-1)!;
    expect(last.signatureValid).toBe(true);
    expect(last.status).toBe(401);
    expect(last.answer.error).toBe('unauthorized_client');
    expect(e.facts).toMatchObject({ oauthError: 'unauthorized_client', status: 401 });
    expect(e.message).toContain(`add client ID ${account.clientId}`);
    expect(e.message).toContain('Domain-wide delegation');
  });

  it('an unknown user: invalid_grant “Invalid email or User ID”', async () => {
    const e = await rejection(
      serviceAccountGrant(await sessionFor(), {
        privateJwk: JSON.stringify(key.privateJwk),
        subject: 'nobody@example.test',
        scopes: [MAIL],
      }),
    );
    expect(google.requests.at(-1)!.answer.error_description).toBe('Invalid email or User ID');
    expect(e.facts.oauthError).toBe('invalid_grant');
    expect(e.message).toMatch(/does not know the user nobody@example\.test/);
  });

  it('a clock far ahead: the “short-lived token” refusal', async () => {
    const e = await rejection(
      serviceAccountGrant(await sessionFor(), {
        privateJwk: JSON.stringify(key.privateJwk),
        subject: 'alice@example.test',
        scopes: [MAIL],
        now: Math.floor(Date.now() / 1000) + 7200,
      }),
    );
    expect(google.requests.at(-1)!.answer.error_description).toMatch(/short-lived token/);
    expect(e.message).toMatch(/check this server’s clock/);
  });
});
