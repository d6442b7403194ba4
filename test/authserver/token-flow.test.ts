import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import * as oauth from 'oauth4webapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AuthFixture, authFixture } from './fixture.ts';

/**
 * End to end with a strict standard client: oauth4webapi discovers the metadata, authenticates
 * with HTTP Basic, gets a client_credentials token; jose verifies it against the published JWKS;
 * the protected API honours it.
 */
let f: AuthFixture;
beforeAll(async () => {
  f = await authFixture();
});
afterAll(async () => f?.close());

const insecure = { [oauth.allowInsecureRequests]: true };

async function discover() {
  const issuer = new URL(f.baseUrl);
  const response = await oauth.discoveryRequest(issuer, { algorithm: 'oauth2', ...insecure });
  return oauth.processDiscoveryResponse(issuer, response);
}

describe('client_credentials with a strict client', () => {
  it('discovers, gets a token, verifies it with jose against the JWKS, and calls the API', async () => {
    const app = await f.createApp();
    const as = await discover();
    expect(as.token_endpoint).toBe(`${f.baseUrl}/oauth2-token`);
    expect(as.grant_types_supported).toContain('client_credentials');

    const client: oauth.Client = { client_id: app.clientId };
    const response = await oauth.clientCredentialsGrantRequest(
      as,
      client,
      oauth.ClientSecretBasic(app.clientSecret),
      new URLSearchParams({ scope: 'participants:read' }),
      insecure,
    );
    expect(response.headers.get('cache-control')).toBe('no-store');
    const result = await oauth.processClientCredentialsResponse(as, client, response);
    expect(result.token_type).toBe('bearer');
    expect(result.expires_in).toBe(3600);
    expect(result.scope).toBe('participants:read');

    const header = decodeProtectedHeader(result.access_token);
    expect(header).toMatchObject({ typ: 'at+jwt', alg: 'ES256' });
    const jwks = createRemoteJWKSet(new URL(as.jwks_uri!));
    const { payload, protectedHeader } = await jwtVerify(result.access_token, jwks, {
      issuer: f.baseUrl,
      audience: `${f.baseUrl}/api`,
      typ: 'at+jwt',
      currentDate: new Date(f.clock.now),
    });
    const keys = (await (await fetch(as.jwks_uri!)).json()) as { keys: { kid: string; d?: string }[] };
    expect(keys.keys.map((k) => k.kid)).toContain(protectedHeader.kid);
    expect(keys.keys.every((k) => k.d === undefined)).toBe(true);
    expect(payload).toMatchObject({
      iss: f.baseUrl,
      sub: app.clientId,
      aud: `${f.baseUrl}/api`,
      client_id: app.clientId,
      scope: 'participants:read',
    });
    expect(payload.exp! - payload.iat!).toBe(3600);
    expect(typeof payload.jti).toBe('string');

    const api = await fetch(`${f.baseUrl}/api/events/1/participants`, {
      headers: { authorization: `Bearer ${result.access_token}` },
    });
    expect(api.status).toBe(200);
    const body = (await api.json()) as { participants: unknown[]; client_id: string };
    expect(body.participants.length).toBe(2);
    expect(body.client_id).toBe(app.clientId);
  });

  it('authenticates by body parameters too, and defaults the scope to all allowed', async () => {
    const app = await f.createApp();
    const as = await discover();
    const client: oauth.Client = { client_id: app.clientId };
    const response = await oauth.clientCredentialsGrantRequest(
      as,
      client,
      oauth.ClientSecretPost(app.clientSecret),
      new URLSearchParams(),
      insecure,
    );
    const result = await oauth.processClientCredentialsResponse(as, client, response);
    expect(result.scope).toBe('participants:read events:write');
  });

  it('publishes RFC 8414 metadata', async () => {
    const meta = (await (
      await fetch(`${f.baseUrl}/.well-known/oauth-authorization-server`)
    ).json()) as Record<string, unknown>;
    expect(meta).toMatchObject({
      issuer: f.baseUrl,
      token_endpoint: `${f.baseUrl}/oauth2-token`,
      jwks_uri: `${f.baseUrl}/.well-known/jwks.json`,
      introspection_endpoint: `${f.baseUrl}/oauth2-token/introspect`,
      revocation_endpoint: `${f.baseUrl}/oauth2-token/revoke`,
      token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post', 'none'],
      authorization_endpoint: `${f.baseUrl}/oauth2-authorize`,
      response_types_supported: ['code'],
      code_challenge_methods_supported: ['S256'],
    });
  });

  it('never logs a secret or an access token', async () => {
    const app = await f.createApp();
    const res = await f.tokenRequest(
      { grant_type: 'client_credentials' },
      { basic: [app.clientId, app.clientSecret] },
    );
    const { access_token } = (await res.json()) as { access_token: string };
    await fetch(`${f.baseUrl}/api/events/1/participants`, {
      headers: { authorization: `Bearer ${access_token}` },
    });
    const logs = f.consentry.logs.join('\n');
    expect(logs).not.toContain(app.clientSecret);
    expect(logs).not.toContain(access_token);
    expect(logs).not.toContain(access_token.split('.')[2]);
  });
});
