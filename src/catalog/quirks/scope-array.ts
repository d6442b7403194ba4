import type { ProviderQuirks } from './quirk.ts';
import { mapSuccessJson } from './response.ts';

/**
 * For providers that return the granted `scope` as a JSON array (`["user:read:email"]`) instead
 * of the string of RFC 6749 §5.1 (Twitch, Linear): it is joined with the provider's separator.
 * @see https://dev.twitch.tv/docs/authentication/getting-tokens-oauth/#authorization-code-grant-flow
 */
export const scopeArrayQuirks: ProviderQuirks = {
  async fetch(url, init, next, ctx) {
    return mapSuccessJson(await next(url, init), (body) => {
      if (Array.isArray(body.scope)) {
        body.scope = body.scope.filter((s) => typeof s === 'string').join(ctx.provider.scopeSeparator);
      }
      return body;
    });
  },
};
