import type { ProviderQuirks } from './quirk.ts';
import { mapSuccessJson } from './response.ts';

/**
 * For providers whose token response omits `token_type` (LinkedIn, Webex): RFC 6749 §5.1 makes it
 * required and oauth4webapi refuses a response without it, but these tokens are used as bearer
 * tokens per the providers' own API docs. A `token_type` that is present is left alone.
 */
export const bearerDefaultQuirks: ProviderQuirks = {
  async fetch(url, init, next) {
    return mapSuccessJson(await next(url, init), (body) => {
      if (typeof body.access_token === 'string' && body.token_type === undefined) body.token_type = 'bearer';
      return body;
    });
  },
};
