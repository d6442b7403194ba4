import type { ProviderQuirks } from './quirk.ts';
import { formOf } from './response.ts';

/**
 * Basecamp's Launchpad tells the two token requests apart by `type`: `web_server` for the code
 * exchange (the entry's `tokenParams`) and `refresh` for a refresh. The standard `grant_type` is
 * sent as well (RFC 6749); this module only turns `type=web_server` into `type=refresh` on the
 * refresh request, which data alone cannot say (`tokenParams` go with both requests).
 * @see https://github.com/basecamp/api/blob/master/sections/authentication.md#oauth-2-from-scratch
 */
export const basecampQuirks: ProviderQuirks = {
  fetch(url, init, next) {
    const form = formOf(init);
    if (init.method !== 'POST' || form.get('grant_type') !== 'refresh_token') return next(url, init);
    form.set('type', 'refresh');
    return next(url, { ...init, body: form });
  },
};
