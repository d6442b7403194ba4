import { timingSafeEqual } from 'node:crypto';
import type { Application } from '../domain/application.ts';
import { isConsentryError } from '../domain/errors.ts';
import { classifyRedirectUri, matchRedirectUri } from '../domain/redirect-uri.ts';
import type { ApplicationService } from './applications.ts';
import { sha256Hex } from './authorization.ts';
import { OAuthError } from './oauth-error.ts';
import { DEVICE_GRANT_TYPE } from './user-grants.ts';

/**
 * RFC 7591 dynamic client registration — for public native clients only (a tool registers
 * itself instead of a person copying ids), off by default. A request is accepted when
 *   - it carries the administrator's initial access token (`Authorization: Bearer …`, §3), or
 *   - every redirect URI it asks for is on the allow-list (matched like authorization requests:
 *     loopback entries on any port), when an allow-list is configured.
 * Registered clients are always `token_endpoint_auth_method: none`, in one organization, with at
 * most the configured scopes. RFC 7592 (read/update/delete by the client) is not offered.
 */
export interface RegistrationOptions {
  enabled: boolean;
  /** The administrator's initial access token (a secret from the environment), if any. */
  initialAccessToken: string | undefined;
  /** Redirect URIs a client may register without the initial access token. */
  allowedRedirectUris: string[];
  organization: string;
  ownerEmail: string;
  scopes: string[];
}

export interface RegistrationResponse {
  client_id: string;
  client_id_issued_at: number;
  client_name: string;
  redirect_uris: string[];
  token_endpoint_auth_method: 'none';
  grant_types: string[];
  response_types: string[];
  scope: string;
}

const ALLOWED_GRANTS = ['authorization_code', 'refresh_token', DEVICE_GRANT_TYPE];

const metadataError = (description: string) => new OAuthError('invalid_client_metadata', description);

export async function registerClient(
  options: RegistrationOptions,
  applications: ApplicationService,
  authorization: string | undefined,
  body: unknown,
): Promise<RegistrationResponse> {
  if (!options.enabled)
    throw new OAuthError('invalid_request', 'Dynamic client registration is disabled.', 404);
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw metadataError('The request body must be a JSON object.');
  const m = body as Record<string, unknown>;
  const redirectUris = m.redirect_uris;
  if (
    !Array.isArray(redirectUris) ||
    redirectUris.length === 0 ||
    !redirectUris.every((u) => typeof u === 'string')
  )
    throw new OAuthError('invalid_redirect_uri', 'redirect_uris must be a non-empty array of strings.');
  const method = m.token_endpoint_auth_method ?? 'none';
  if (method !== 'none')
    throw metadataError('Only public clients (token_endpoint_auth_method "none") may register themselves.');
  const grantTypes = m.grant_types ?? ['authorization_code', 'refresh_token'];
  if (!Array.isArray(grantTypes) || !grantTypes.every((g) => ALLOWED_GRANTS.includes(String(g))))
    throw metadataError('grant_types may hold authorization_code, refresh_token and the device grant only.');
  const responseTypes = m.response_types ?? ['code'];
  if (!Array.isArray(responseTypes) || !responseTypes.every((r) => r === 'code'))
    throw metadataError('response_types may only hold "code".');
  const requestedScope = typeof m.scope === 'string' ? m.scope.split(' ').filter(Boolean) : options.scopes;
  if (!requestedScope.every((s) => options.scopes.includes(s)))
    throw metadataError('The scope holds a value self-registered clients may not have.');
  const name =
    typeof m.client_name === 'string' && m.client_name.trim()
      ? m.client_name.trim().slice(0, 200)
      : 'Self-registered app';

  const token = /^Bearer +(\S+)$/i.exec(authorization ?? '')?.[1];
  const tokenOk =
    token !== undefined &&
    options.initialAccessToken !== undefined &&
    sameSecret(token, options.initialAccessToken);
  if (token !== undefined && !tokenOk)
    throw new OAuthError('invalid_token', 'The initial access token is invalid.', 401, {
      'www-authenticate': 'Bearer realm="consentry", error="invalid_token"',
    });
  const listed =
    options.allowedRedirectUris.length > 0 &&
    (redirectUris as string[]).every((u) => matchRedirectUri(u, options.allowedRedirectUris));
  if (!tokenOk && !listed)
    throw new OAuthError(
      'invalid_token',
      'An initial access token is required to register these redirect URIs.',
      401,
      {
        'www-authenticate': 'Bearer realm="consentry"',
      },
    );

  for (const uri of redirectUris as string[])
    if ('error' in classifyRedirectUri(uri))
      throw new OAuthError(
        'invalid_redirect_uri',
        'A redirect URI is not acceptable (https, loopback http or a private-use scheme).',
      );
  let application: Application;
  try {
    ({ application } = await applications.create({
      organization: options.organization,
      name,
      ownerEmail: options.ownerEmail,
      audience: 'backend',
      scopes: requestedScope,
      clientType: 'public',
      redirectUris: redirectUris as string[],
    }));
  } catch (e) {
    if (isConsentryError(e, 'APPLICATION_INVALID'))
      throw metadataError('The client metadata is not acceptable.');
    throw e;
  }
  return {
    client_id: application.clientId,
    client_id_issued_at: Math.floor(application.createdAt.getTime() / 1000),
    client_name: application.name,
    redirect_uris: application.redirectUris,
    token_endpoint_auth_method: 'none',
    grant_types: grantTypes as string[],
    response_types: ['code'],
    scope: application.scopes.join(' '),
  };
}

/** Constant-time comparison through hashes (equal lengths whatever was sent). */
function sameSecret(presented: string, expected: string): boolean {
  return timingSafeEqual(Buffer.from(sha256Hex(presented), 'hex'), Buffer.from(sha256Hex(expected), 'hex'));
}
