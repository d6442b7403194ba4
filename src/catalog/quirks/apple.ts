import { importPKCS8, SignJWT } from 'jose';
import { ConsentryError } from '../../domain/errors.ts';
import type { ProviderQuirks } from './quirk.ts';

/**
 * Sign in with Apple. The `client_secret` is not a stored string but an ES256 JWT signed with the
 * team's private key (the .p8 file, stored sealed as the client secret): header `kid` = key id,
 * `iss` = team id, `sub` = the Services ID (client id), `aud` = `https://appleid.apple.com`, at
 * most six months long. A short lifetime is used since it is minted per request.
 * @see https://developer.apple.com/documentation/accountorganizationaldatasharing/creating-a-client-secret
 */
export const APPLE_AUDIENCE = 'https://appleid.apple.com';
const LIFETIME_SECONDS = 10 * 60;

export const appleQuirks: ProviderQuirks = {
  async clientSecret(stored, ctx) {
    const teamId = ctx.client.templateValues.team_id;
    const keyId = ctx.client.templateValues.key_id;
    if (!stored || !teamId || !keyId) {
      throw new ConsentryError('CLIENT_INVALID', {
        detail: 'Apple needs the team id, the key id and the .p8 private key (as the client secret).',
        facts: { provider: ctx.provider.key },
      });
    }
    let key: CryptoKey;
    try {
      key = await importPKCS8(stored.trim(), 'ES256');
    } catch {
      // The cause is dropped on purpose: it could quote the key material.
      throw new ConsentryError('CLIENT_INVALID', {
        detail: 'The Apple client secret must be the .p8 private key (PEM, “BEGIN PRIVATE KEY”).',
        facts: { provider: ctx.provider.key },
      });
    }
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({})
      .setProtectedHeader({ alg: 'ES256', kid: keyId })
      .setIssuer(teamId)
      .setSubject(ctx.client.clientId)
      .setAudience(APPLE_AUDIENCE)
      .setIssuedAt(now)
      .setExpirationTime(now + LIFETIME_SECONDS)
      .sign(key);
  },
};
