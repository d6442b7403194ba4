import type { ProviderQuirks } from './quirk.ts';
import { jsonObjectOf, jsonResponse, oauthErrorResponse } from './response.ts';

/**
 * Slack (OAuth v2, `oauth.v2.access`).
 *
 * - Every answer is HTTP 200; failures say `ok: false` with a Slack error name. They become
 *   RFC 6749 §5.2 errors, with the names that mean "this code / refresh token is dead" mapped to
 *   `invalid_grant` so the core marks the connection for re-consent rather than retrying.
 * - A bot install answers `token_type: "bot"`; a user-only install nests the user token under
 *   `authed_user` (with `token_type: "user"`) and has no top-level `access_token`: it is lifted.
 * - Bot scopes go in `scope`, user scopes in `user_scope` (both comma-separated). Catalog scopes
 *   named `user:<scope>` are user scopes; they are moved to `user_scope` on the consent URL.
 * - Ids worth keeping (team, user, bot, app) are flattened to top-level strings for
 *   `keepResponseFields`.
 * @see https://api.slack.com/methods/oauth.v2.access
 * @see https://api.slack.com/authentication/rotation
 */
const INVALID_GRANT = new Set([
  'invalid_code',
  'code_already_used',
  'invalid_refresh_token',
  'token_revoked',
]);
const INVALID_CLIENT = new Set(['invalid_client_id', 'bad_client_secret', 'invalid_client']);

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
      const name = typeof body.error === 'string' ? body.error : 'unknown_error';
      const error = INVALID_GRANT.has(name)
        ? 'invalid_grant'
        : INVALID_CLIENT.has(name)
          ? 'invalid_client'
          : name;
      return oauthErrorResponse(error, `Slack: ${name}`);
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
