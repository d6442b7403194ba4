import type { ProviderQuirks } from './quirk.ts';
import { mapSuccessJson } from './response.ts';

/**
 * Twitch returns the granted `scope` as a JSON array (`["user:read:email"]`), not the
 * space-separated string of RFC 6749 §5.1; it is joined with spaces.
 * @see https://dev.twitch.tv/docs/authentication/getting-tokens-oauth/#authorization-code-grant-flow
 */
export const twitchQuirks: ProviderQuirks = {
  async fetch(url, init, next) {
    return mapSuccessJson(await next(url, init), (body) => {
      if (Array.isArray(body.scope)) body.scope = body.scope.filter((s) => typeof s === 'string').join(' ');
      return body;
    });
  },
};
