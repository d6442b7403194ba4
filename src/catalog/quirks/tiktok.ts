import type { ProviderQuirks } from './quirk.ts';
import { formOf } from './response.ts';

/**
 * TikTok (Login Kit v2) names the client identifier `client_key`, in the consent URL and in every
 * token request (code exchange, refresh, client credentials); `client_id` is unknown to it. The
 * engine builds standard requests and this module renames the one parameter; nothing else moves.
 * @see https://developers.tiktok.com/doc/login-kit-web
 * @see https://developers.tiktok.com/doc/oauth-user-access-token-management
 */
export const tiktokQuirks: ProviderQuirks = {
  authorizationUrl(url) {
    renameParam(url.searchParams, 'client_id', 'client_key');
  },
  fetch(url, init, next) {
    if (init.method !== 'POST' || init.body === undefined || init.body === null) return next(url, init);
    const form = formOf(init);
    if (!form.has('client_id')) return next(url, init);
    renameParam(form, 'client_id', 'client_key');
    return next(url, { ...init, body: form });
  },
};

/** Renames `from` to `to` in place, keeping its value and position among the other parameters. */
function renameParam(params: URLSearchParams, from: string, to: string): void {
  const entries = [...params.entries()];
  for (const [k] of entries) params.delete(k);
  for (const [k, v] of entries) params.append(k === from ? to : k, v);
}
