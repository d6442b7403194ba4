import type { ProviderQuirks } from './quirk.ts';
import { jsonObjectOf, jsonResponse, oauthErrorResponse } from './response.ts';

/**
 * Slack (OAuth v2, `oauth.v2.access`).
 *
 * - Every answer is HTTP 200; failures say `ok: false` with a Slack error name. They become
 *   RFC 6749 §5.2 errors carrying Slack's own name as `error`; what each name means (a dead refresh
 *   token, refused client credentials, a rate limit) is data: the entry's `errors` mappings.
 * - A bot install answers `token_type: "bot"`; a user-only install nests the user token under
 *   `authed_user` (with `token_type: "user"`) and has no top-level `access_token`: it is lifted.
 * - Bot scopes go in `scope`, user scopes in `user_scope` (both comma-separated). Catalog scopes
 *   named `user:<scope>` are user scopes; they are moved to `user_scope` on the consent URL.
 * - Ids worth keeping (team, user, bot, app) are flattened to top-level strings for
 *   `keepResponseFields`.
 * @see https://api.slack.com/methods/oauth.v2.access
 * @see https://api.slack.com/authentication/rotation
 */
export const slackQuirks: ProviderQuirks = {
  tokenTypes: ['bot', 'user'],

  authorizationUrl(url) {
    const scope = url.searchParams.get('scope');
    if (scope === null) return;
    const all = scope.split(',').filter((s) => s.length > 0);
    const user = all.filter((s) => s.startsWith('user:')).map((s) => s.slice('user:'.length));
    const bot = all.filter((s) => !s.startsWith('user:'));
    if (bot.length) url.searchParams.set('scope', bot.join(','));
    else url.searchParams.delete('scope');
    if (user.length) url.searchParams.set('user_scope', user.join(','));
  },

  async fetch(url, init, next) {
    const response = await next(url, init);
    const body = await jsonObjectOf(response);
    if (!body || !('ok' in body)) return response;
    if (body.ok !== true) {
      const name = typeof body.error === 'string' ? body.error.slice(0, 64) : 'unknown_error';
      const refused = oauthErrorResponse(name);
      if (response.status < 400) return refused;
      // A rate limit comes as HTTP 429 with Retry-After: both must reach the classifier.
      const headers = new Headers(refused.headers);
      const retryAfter = response.headers.get('retry-after');
      if (retryAfter) headers.set('retry-after', retryAfter);
      return new Response(await refused.text(), { status: response.status, headers });
    }
    if (!('access_token' in body) && !('authed_user' in body)) return response; // auth.revoke: {ok, revoked}
    return jsonResponse(flatten(body), response.status);
  },
};

function flatten(body: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...body };
  const user = objectOf(body.authed_user);
  if (typeof body.access_token !== 'string' && user && typeof user.access_token === 'string') {
    for (const k of ['access_token', 'token_type', 'scope', 'refresh_token', 'expires_in']) {
      if (user[k] !== undefined) out[k] = user[k];
    }
  }
  delete out.authed_user;
  if (user && typeof user.id === 'string') out.authed_user_id = user.id;
  const team = objectOf(body.team);
  if (team && typeof team.id === 'string') out.team_id = team.id;
  if (team && typeof team.name === 'string') out.team_name = team.name;
  const enterprise = objectOf(body.enterprise);
  if (enterprise && typeof enterprise.id === 'string') out.enterprise_id = enterprise.id;
  delete out.team;
  delete out.enterprise;
  return out;
}

function objectOf(v: unknown): Record<string, unknown> | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v)
    ? (v as Record<string, unknown>)
    : undefined;
}
