import { ConsentryError } from '../domain/errors.ts';
import type { RevocationApi } from './provider.ts';
import type { FetchLike } from './quirks/quirk.ts';
import { fillTemplate } from './template.ts';

/**
 * Revocation through a provider's own API (entry field `revocation`), for providers whose
 * revocation is not RFC 7009: Dropbox `POST /2/auth/token/revoke` (bearer), HubSpot
 * `DELETE /oauth/v1/refresh-tokens/{token}`, Strava `POST /oauth/deauthorize`, Slack `auth.revoke`
 * (bearer), Todoist `DELETE /api/v1/access_tokens?client_id&client_secret&access_token`.
 * The request is built from data; the protocol layer sends it through the provider's quirk-wrapped
 * fetch, so a quirk still sees (and may reshape) the answer — Slack's `ok:false` becomes an error.
 */
export interface RevocationInput {
  accessToken: string | undefined;
  refreshToken: string | undefined;
  /** The registered client's template values (for templated URLs). */
  templateValues: Record<string, string>;
  /**
   * The client credentials as the token endpoint would send them (form fields and headers), for
   * `clientAuth: 'query'`.
   */
  credentials?: { fields: URLSearchParams; headers: Headers } | undefined;
}

/** The HTTP request that revokes; undefined when the token it needs is not held. */
export function revocationRequest(
  api: RevocationApi,
  input: RevocationInput,
): { url: string; init: RequestInit } | undefined {
  const token = api.token === 'refresh' ? input.refreshToken : input.accessToken;
  if (!token) return undefined;
  const url = new URL(fillTemplate(api.url, input.templateValues));
  const headers = new Headers();
  let body: string | undefined;
  if (api.clientAuth === 'query' && input.credentials) {
    for (const [k, v] of input.credentials.fields) url.searchParams.set(k, v);
    input.credentials.headers.forEach((v, k) => {
      headers.set(k, v);
    });
  }
  switch (api.tokenIn) {
    case 'bearer':
      headers.set('authorization', `Bearer ${token}`);
      break;
    case 'path':
      url.pathname = `${url.pathname.replace(/\/+$/, '')}/${encodeURIComponent(token)}`;
      break;
    case 'query':
      url.searchParams.set(api.tokenParam, token);
      break;
    case 'form':
      body = new URLSearchParams({ [api.tokenParam]: token }).toString();
      headers.set('content-type', 'application/x-www-form-urlencoded');
      break;
  }
  return {
    url: url.href,
    init: { method: api.method, headers, ...(body === undefined ? {} : { body }), redirect: 'manual' },
  };
}

/**
 * Sends the revocation. True when the provider confirmed it; false when the needed token is not
 * held; a ConsentryError (never carrying the token or the answer's body) when it refused.
 */
export async function revokeAtApi(
  api: RevocationApi,
  input: RevocationInput,
  transport: { providerKey: string; fetch: FetchLike; allowInsecure: boolean },
): Promise<boolean> {
  const request = revocationRequest(api, input);
  if (!request) return false;
  if (new URL(request.url).protocol !== 'https:' && !transport.allowInsecure) {
    throw new ConsentryError('CLIENT_INVALID', {
      detail: `${transport.providerKey}: the revocation URL is not https.`,
      facts: { provider: transport.providerKey },
    });
  }
  const response = await transport.fetch(request.url, {
    ...request.init,
  });
  const status = response.status;
  const oauthError = await errorNameOf(response);
  if (api.okStatus.includes(status)) return true;
  const facts: Record<string, string | number> = { provider: transport.providerKey, stage: 'revoke', status };
  if (oauthError) facts.oauthError = oauthError;
  throw new ConsentryError(
    status >= 500 || status === 429 ? 'PROVIDER_UNAVAILABLE' : 'TOKEN_REQUEST_REJECTED',
    {
      detail: `${transport.providerKey} refused the revocation (HTTP ${status}${oauthError ? `, “${oauthError}”` : ''}).`,
      facts,
    },
  );
}

/** The OAuth-style `error` name of a refusal, if the body is JSON with one (nothing else is read). */
async function errorNameOf(response: Response): Promise<string | undefined> {
  try {
    const body = (await response.json()) as unknown;
    if (body && typeof body === 'object' && 'error' in body) {
      const error = (body as { error: unknown }).error;
      if (typeof error === 'string' && /^[\w.-]{1,64}$/.test(error)) return error;
    }
  } catch {
    // Not JSON (HubSpot's 204, Dropbox's `null`): nothing to name.
  }
  return undefined;
}
