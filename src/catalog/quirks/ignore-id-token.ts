import type { ProviderQuirks } from './quirk.ts';
import { mapSuccessJson } from './response.ts';

/**
 * For OAuth 2.0 entries whose API needs the `openid` scope (Brex, Twinfield, DATEV, Roblox, LINE,
 * self-hosted identity servers used for API access …) but whose ID tokens the entry cannot
 * verify: no JWKS, or keys per tenant or realm. The token answer's `id_token` is dropped before
 * the engine reads it, so it is neither trusted nor refused; identity comes from the API, not
 * from unverified claims. For sign-in, use the `oidc` entry (discovery + full ID-token checks).
 */
export const ignoreIdTokenQuirks: ProviderQuirks = {
  async fetch(url, init, next) {
    return mapSuccessJson(await next(url, init), (body) => {
      delete body.id_token;
      return body;
    });
  },
};
