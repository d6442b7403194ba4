import type { ProviderQuirks } from './quirk.ts';
import { mapSuccessJson } from './response.ts';

/**
 * Mailchimp answers the code exchange with `expires_in: 0` and `scope: null`: its tokens never
 * expire, and it has no scopes. Read literally, `expires_in: 0` makes the token expired on
 * arrival (every `ensureFresh` would try a refresh that cannot exist), and oauth4webapi refuses a
 * non-string `scope`. Both fields are dropped, which RFC 6749 §5.1 reads as "no stated expiry" and
 * "the requested scope". Other values pass through untouched.
 * @see https://mailchimp.com/developer/marketing/guides/access-user-data-oauth-2/
 */
export const mailchimpQuirks: ProviderQuirks = {
  async fetch(url, init, next) {
    return mapSuccessJson(await next(url, init), (body) => {
      if (body.expires_in === 0 || body.expires_in === '0') delete body.expires_in;
      if (body.scope === null) delete body.scope;
      return body;
    });
  },
};
