import type { ProviderQuirks } from './quirk.ts';
import { formOf, headersOf, mapSuccessJson, oauthErrorResponse } from './response.ts';

/**
 * GitHub (OAuth apps and GitHub-App user tokens).
 *
 * - The token endpoint answers form-encoded unless asked for JSON: always send
 *   `Accept: application/json`.
 * - Errors come back with HTTP 200 and `{error, error_description}`; they become a proper
 *   RFC 6749 §5.2 error (HTTP 400) so the grant fails with the OAuth error code and nothing is
 *   stored.
 * - The granted `scope` is comma-separated (`repo,gist`); it is normalised to the space-separated
 *   form RFC 6749 §3.3 uses, which is also what GitHub's authorize endpoint takes.
 * - Revocation is not RFC 7009 but the REST call `DELETE /applications/{client_id}/grant` with
 *   HTTP Basic client authentication and a JSON body; it answers 204.
 * @see https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps
 * @see https://docs.github.com/en/rest/apps/oauth-applications#delete-an-app-authorization
 */
export const githubQuirks: ProviderQuirks = {
  async fetch(url, init, next) {
    const form = formOf(init);
    if (!form.has('grant_type') && form.has('token')) return revokeGrant(url, form, next);
    const headers = headersOf(init);
    headers.set('accept', 'application/json');
    const response = await next(url, { ...init, headers });
    return mapSuccessJson(response, (body) => {
      if (typeof body.error === 'string') {
        return oauthErrorResponse(
          body.error,
          typeof body.error_description === 'string' ? body.error_description : undefined,
        );
      }
      if (typeof body.scope === 'string') body.scope = normaliseScope(body.scope);
      return body;
    });
  },
};

/** `repo,gist` → `repo gist`. */
export function normaliseScope(scope: string): string {
  return scope
    .split(/[\s,]+/)
    .filter((s) => s.length > 0)
    .join(' ');
}

async function revokeGrant(
  revocationEndpoint: string,
  form: URLSearchParams,
  next: (url: string, init: RequestInit) => Promise<Response>,
): Promise<Response> {
  const clientId = form.get('client_id') ?? '';
  const clientSecret = form.get('client_secret') ?? '';
  const url = `${revocationEndpoint.replace(/\/+$/, '')}/${encodeURIComponent(clientId)}/grant`;
  const response = await next(url, {
    method: 'DELETE',
    headers: {
      accept: 'application/vnd.github+json',
      authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`,
      'content-type': 'application/json',
      'user-agent': 'Consentry',
      'x-github-api-version': '2022-11-28',
    },
    body: JSON.stringify({ access_token: form.get('token') }),
    redirect: 'manual',
  });
  // RFC 7009 §2.2 says 200; GitHub says 204 for the same outcome.
  return response.status === 204 ? new Response(null, { status: 200 }) : response;
}
