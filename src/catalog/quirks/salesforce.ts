import type { ProviderQuirks } from './quirk.ts';
import { mapSuccessJson } from './response.ts';

/**
 * Salesforce. The token response carries `instance_url` (the org's API base, kept on the
 * connection through `keepResponseFields`) and usually no `expires_in`: the access token lives as
 * long as the org's session timeout (2 hours unless the administrator changed it). Without an
 * expiry the core would never refresh ahead of time, so the registered client's
 * `session_minutes` stands in for it.
 * @see https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_web_server_flow.htm
 */
export const DEFAULT_SESSION_MINUTES = 120;

export const salesforceQuirks: ProviderQuirks = {
  async fetch(url, init, next, ctx) {
    const response = await next(url, init);
    return mapSuccessJson(response, (body) => {
      if (body.expires_in === undefined && typeof body.access_token === 'string') {
        const minutes = Number(ctx.client.templateValues.session_minutes ?? DEFAULT_SESSION_MINUTES);
        body.expires_in = (Number.isFinite(minutes) && minutes > 0 ? minutes : DEFAULT_SESSION_MINUTES) * 60;
      }
      return body;
    });
  },
};
