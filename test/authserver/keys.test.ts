import { chmodSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import { generateKeyFiles } from '../../src/authserver/signing-keys.ts';
import { isConsentryError } from '../../src/domain/errors.ts';
import { type AuthFixture, authFixture } from './fixture.ts';

const KEYS_MISSING =
  'OAuth authorization is not available as encryption keys configuration was not complete. Please contact your administrator.';

let f: AuthFixture | undefined;
afterEach(async () => {
  await f?.close();
  f = undefined;
});

const cc = { grant_type: 'client_credentials' };

async function tokenOf(fx: AuthFixture, a: { clientId: string; clientSecret: string }) {
  const res = await fx.tokenRequest(cc, { basic: [a.clientId, a.clientSecret] });
  expect(res.status).toBe(200);
  return ((await res.json()) as { access_token: string }).access_token;
}

async function jwks(fx: AuthFixture) {
  return (await (await fetch(`${fx.baseUrl}/.well-known/jwks.json`)).json()) as {
    keys: { kid: string; alg: string }[];
  };
}

describe('signing keys', () => {
  it('without keys the token endpoint answers 503 with the exact message; a generated key is picked up', async () => {
    f = await authFixture({ keys: false });
    const a = await f.createApp();
    const res = await f.tokenRequest(cc, { basic: [a.clientId, a.clientSecret] });
    expect(res.status).toBe(503);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toEqual({ error: 'temporarily_unavailable', error_description: KEYS_MISSING });
    expect((await jwks(f)).keys).toEqual([]);
    expect(f.consentry.app.authserver.keysReady).toBe(false);

    // `consentry keys generate` in another process: the server follows the directory.
    generateKeyFiles(f.keysDir, { alg: 'RS256', now: new Date(f.clock.now) });
    f.consentry.app.authserver.keys.reloadIfChanged();
    const t = await tokenOf(f, a);
    expect(decodeProtectedHeader(t).alg).toBe('RS256');
  });

  it('writes the private key 0600 and refuses to start with one others can read', async () => {
    f = await authFixture({ keys: 'EdDSA' });
    const file = readdirSync(f.keysDir).find((n) => n.endsWith('.private.pem'))!;
    expect(statSync(join(f.keysDir, file)).mode & 0o777).toBe(0o600);
    const a = await f.createApp();
    expect(decodeProtectedHeader(await tokenOf(f, a)).alg).toBe('EdDSA');
    const { keysDir } = f;
    await f.close();
    f = undefined;

    chmodSync(join(keysDir, file), 0o644);
    const { startConsentry } = await import('../support/consentry.ts');
    const error = await startConsentry({ env: { KEYS_DIR: keysDir, DEMO_PROVIDER: 'false' } }).then(
      async (c) => {
        await c.close();
        return undefined;
      },
      (e: unknown) => e,
    );
    expect(isConsentryError(error, 'SIGNING_KEY_INSECURE')).toBe(true);
    expect(String((error as Error).message)).toContain('chmod 600');
  });

  it('a running server withdraws a key that becomes world-readable (503), and logs why', async () => {
    f = await authFixture();
    const a = await f.createApp();
    await tokenOf(f, a);
    const file = readdirSync(f.keysDir).find((n) => n.endsWith('.private.pem'))!;
    chmodSync(join(f.keysDir, file), 0o644);
    f.consentry.app.authserver.keys.reloadIfChanged();
    expect((await f.tokenRequest(cc, { basic: [a.clientId, a.clientSecret] })).status).toBe(503);
    expect(f.consentry.logs.join('\n')).toContain('signing keys withdrawn');
  });

  it('rotation: the new key is published before it signs; earlier tokens stay verifiable until they expire', async () => {
    f = await authFixture({ keys: 'ES256' });
    const a = await f.createApp();
    const oldToken = await tokenOf(f, a);
    const oldKid = decodeProtectedHeader(oldToken).kid!;

    // A new key that starts signing in 10 minutes.
    const next = generateKeyFiles(f.keysDir, {
      alg: 'ES256',
      now: new Date(f.clock.now),
      signsFrom: new Date(f.clock.now + 600_000),
    });
    f.consentry.app.authserver.keys.reloadIfChanged();
    expect((await jwks(f)).keys.map((k) => k.kid).sort()).toEqual([oldKid, next.kid].sort());
    expect(decodeProtectedHeader(await tokenOf(f, a)).kid).toBe(oldKid);

    f.clock.advance(601);
    const newToken = await tokenOf(f, a);
    expect(decodeProtectedHeader(newToken).kid).toBe(next.kid);
    // The old key is retired but still published: the earlier token verifies with jose and at the API.
    const set = createLocalJWKSet(await jwks(f));
    await expect(
      jwtVerify(oldToken, set, { typ: 'at+jwt', currentDate: new Date(f.clock.now) }),
    ).resolves.toBeTruthy();
    const api = await fetch(`${f.baseUrl}/api/events/1/participants`, {
      headers: { authorization: `Bearer ${oldToken}` },
    });
    expect(api.status).toBe(200);

    // Once every token the old key signed has expired (max lifetime 24 h), it leaves the JWKS.
    f.clock.advance(86_400);
    expect((await jwks(f)).keys.map((k) => k.kid)).toEqual([next.kid]);
  });
});
