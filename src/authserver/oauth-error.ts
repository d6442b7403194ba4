/**
 * An error answered to an OAuth client in the RFC's own shape: `{ error, error_description }`
 * (RFC 6749 §5.2 for the token endpoint, RFC 7662 / RFC 7009 for introspection and revocation,
 * RFC 6750 §3 for protected resources). The description is fixed text: never a secret, never
 * an echo of the request.
 */
export type OAuthErrorCode =
  | 'invalid_request'
  | 'invalid_client'
  | 'invalid_grant'
  | 'unauthorized_client'
  | 'unsupported_grant_type'
  | 'invalid_scope'
  | 'temporarily_unavailable'
  | 'invalid_token'
  | 'insufficient_scope'
  // RFC 6749 §4.1.2.1 (authorization endpoint), RFC 8707 §2, RFC 8628 §3.5, RFC 7591 §3.2.2
  | 'access_denied'
  | 'unsupported_response_type'
  | 'invalid_target'
  | 'authorization_pending'
  | 'slow_down'
  | 'expired_token'
  | 'invalid_redirect_uri'
  | 'invalid_client_metadata'
  | 'login_required'
  | 'consent_required';

export class OAuthError extends Error {
  constructor(
    readonly error: OAuthErrorCode,
    readonly description: string,
    readonly status = 400,
    readonly headers: Record<string, string> = {},
  ) {
    super(`${error}: ${description}`);
    this.name = 'OAuthError';
  }

  toJSON(): { error: OAuthErrorCode; error_description: string } {
    return { error: this.error, error_description: this.description };
  }
}

/** RFC 6749 §5.2: 401 with a challenge matching the scheme the client used (or could use). */
export const invalidClient = (description = 'Client authentication failed.') =>
  new OAuthError('invalid_client', description, 401, {
    'www-authenticate': 'Basic realm="consentry", charset="UTF-8"',
  });

export const invalidRequest = (description: string) => new OAuthError('invalid_request', description);
