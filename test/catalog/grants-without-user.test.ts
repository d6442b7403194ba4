import { generateKeyPairSync } from 'node:crypto';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProviderSchema } from '../../src/catalog/provider.ts';
import { isConsentryError } from '../../src/domain/errors.ts';
import { generateClientKeyPair, importClientPrivateKey } from '../../src/protocol/client-auth.ts';
import { clientCredentialsGrant, JWT_BEARER_GRANT_TYPE, jwtBearerGrant } from '../../src/protocol/grant.ts';
import { openProviderSession } from '../../src/protocol/provider-session.ts';
import { type StandIn, startStandIn } from '../support/stand-in.ts';
import { clientFor, SETTINGS } from './support.ts';

/**
 * The protocol steps behind connections without a user (src/protocol/grant.ts), against a
 * stand-in that records the exact request: client credentials (RFC 6749 §4.4.2) with the entry's
 * `clientCredentials` token endpoint, default scopes and templated parameters, the client
 * assertion addressed to that endpoint; JWT bearer (RFC 7523 §2.1) with the assertion and no
 * client secret; errors carry the provider's answer.
 */
let standIn: StandIn;
beforeAll(async () => {
  standIn = await startStandIn();
});
afterAll(async () => {
  await standIn.close();
});

function entry(base: string) {
  return ProviderSchema.parse({
    key: 'machine',
    displayName: 'Machine API',
    protocol: 'oauth2',
    issuer: base,
    grants: ['authorization_code', 'client_credentials', 'jwt_bearer'],
    endpoints: { authorization: `${base}/authorize`, token: `${base}/oauth/token` },
    clientCredentials: {
      token: `${base}/{region}/m2m/token`,
      defaultScopes: ['read:all'],
      tokenParams: { audience: 'https://api.{region}.example' },
    },
    templates: [
      { name: 'region', label: 'Region', description: 'Data region.', pattern: 'eu|us', examples: ['eu'] },
    ],
    clientAuth: 'client_secret_post',
    scopes: [{ name: 'read:all', description: 'Read' }],
  });
}

const ok = { status: 200, body: { access_token: 'AT-1', token_type: 'Bearer', expires_in: 600 } };

describe('clientCredentialsGrant', () => {
  it('posts grant_type, default scopes and templated parameters to the entry’s own endpoint', async () => {
    const provider = entry(standIn.url);
    const session = await openProviderSession({
      provider,
      client: clientFor(provider, { region: 'eu' }),
      quirks: {},
      clientSecret: 'cc-secret',
      settings: SETTINGS,
    });
    standIn.answer(ok);
    const before = standIn.requests.length;
    const r = await clientCredentialsGrant(session, { params: { resource: 'https://r.example' } });
    expect(r.response.access_token).toBe('AT-1');
    const req = standIn.requests[before]!;
    expect(req.path).toBe('/eu/m2m/token');
    expect(Object.fromEntries(new URLSearchParams(req.body))).toEqual({
      grant_type: 'client_credentials',
      scope: 'read:all',
      audience: 'https://api.eu.example',
      resource: 'https://r.example',
      client_id: 'client-machine',
      client_secret: 'cc-secret',
    });
  });

  it('a private_key_jwt assertion is addressed to the client-credentials endpoint', async () => {
    const provider = entry(standIn.url);
    const pair = await generateClientKeyPair();
    const session = await openProviderSession({
      provider,
      client: clientFor(provider, { region: 'us' }, { hasClientSecret: false, hasClientKey: true }),
      quirks: {},
      clientSecret: undefined,
      clientKey: JSON.stringify(pair.privateJwk),
      settings: SETTINGS,
    });
    standIn.answer(ok);
    const before = standIn.requests.length;
    await clientCredentialsGrant(session, { scopes: ['write:all'] });
    const form = new URLSearchParams(standIn.requests[before]!.body);
    expect(form.get('scope')).toBe('write:all');
    expect(form.get('client_secret')).toBeNull();
    expect(decodeJwt(form.get('client_assertion')!).aud).toBe(`${standIn.url}/us/m2m/token`);
  });

  it('an error answer carries the provider’s status and code (also an HTTP-200 error body)', async () => {
    const provider = entry(standIn.url);
    const session = await openProviderSession({
      provider,
      client: clientFor(provider, { region: 'eu' }),
      quirks: {},
      clientSecret: 'cc-secret',
      settings: SETTINGS,
    });
    standIn.answer({ status: 400, body: { error: 'invalid_scope', error_description: 'nope' } });
    const e1 = await clientCredentialsGrant(session).catch((e) => e);
    expect(isConsentryError(e1, 'TOKEN_REQUEST_REJECTED')).toBe(true);
    expect(e1.facts).toMatchObject({ status: 400, oauthError: 'invalid_scope' });
    standIn.answer({ status: 200, body: { error: 'unauthorized_client' } });
    const e2 = await clientCredentialsGrant(session).catch((e) => e);
    expect(isConsentryError(e2)).toBe(true);
    expect(e2.facts.oauthError).toBe('unauthorized_client');
  });
});

describe('jwtBearerGrant', () => {
  it('posts the RFC 7523 grant type and the assertion, never a client secret', async () => {
    const provider = entry(standIn.url);
    const session = await openProviderSession({
      provider,
      client: clientFor(provider, { region: 'eu' }),
      quirks: {},
      clientSecret: 'must-not-be-sent',
      settings: SETTINGS,
    });
    standIn.answer(ok);
    const before = standIn.requests.length;
    const r = await jwtBearerGrant(session, {
      assertion: 'header.claims.sig',
      params: { scope: 'read:all' },
    });
    expect(r.response.access_token).toBe('AT-1');
    const req = standIn.requests[before]!;
    expect(req.path).toBe('/oauth/token');
    const form = Object.fromEntries(new URLSearchParams(req.body));
    expect(form).toMatchObject({ grant_type: JWT_BEARER_GRANT_TYPE, assertion: 'header.claims.sig' });
    expect(form.client_secret).toBeUndefined();
    expect(req.headers.authorization).toBeUndefined();
  });
});

describe('certificate credentials', () => {
  it('a key with another key’s certificate is refused', async () => {
    const a = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const pem = a.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    // Not a certificate of this key: any certificate text that parses but holds another key.
    const bogus = `${pem}\n-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n`;
    await expect(importClientPrivateKey(bogus)).rejects.toMatchObject({ code: 'CLIENT_INVALID' });
    // Without a certificate: no thumbprints.
    expect((await importClientPrivateKey(pem)).publicJwk).not.toHaveProperty('x5t');
  });
});
