import type { ProviderQuirks, QuirkContext } from './quirk.ts';
import { formOf } from './response.ts';

/**
 * eBay's `redirect_uri` is not a URL but the application's RuName ("eBay Redirect URL name"),
 * created in the developer portal with Consentry's Redirect URL as its accept URL. eBay sends the
 * person back to that accept URL; the RuName stands in for it in the consent URL and in the code
 * exchange. The administrator types the RuName into the client's `ru_name` template field; this
 * module puts it where eBay expects it. Refresh requests carry no redirect_uri and pass untouched.
 * @see https://developer.ebay.com/api-docs/static/oauth-redirect-uri.html
 * @see https://developer.ebay.com/api-docs/static/oauth-auth-code-grant-request.html
 */
export const ebayQuirks: ProviderQuirks = {
  authorizationUrl(url, ctx) {
    url.searchParams.set('redirect_uri', ruNameOf(ctx));
  },
  fetch(url, init, next, ctx) {
    const form = formOf(init);
    if (init.method !== 'POST' || !form.has('redirect_uri')) return next(url, init);
    form.set('redirect_uri', ruNameOf(ctx));
    return next(url, { ...init, body: form });
  },
};

function ruNameOf(ctx: QuirkContext): string {
  // The template is required and validated when the client is saved; this is the last guard.
  const ruName = ctx.client.templateValues.ru_name;
  if (!ruName) throw new Error('eBay needs the RuName of the application (template field ru_name).');
  return ruName;
}
