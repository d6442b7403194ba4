import * as oauth from 'oauth4webapi';
import { ConsentryError, type ErrorCode, isConsentryError } from '../domain/errors.ts';

/**
 * Wraps anything thrown while talking to a provider into a ConsentryError that keeps only what is
 * safe: the provider key, the HTTP status and the OAuth `error` code. Response bodies (which may
 * echo tokens or secrets) and request bodies never ride along; the cause kept for logs is reduced
 * to its class name and code.
 */
export function providerError(
  cause: unknown,
  providerKey: string,
  stage: 'token' | 'refresh' | 'revoke' | 'id_token',
): ConsentryError {
  if (isConsentryError(cause)) return cause;
  const refused = schemeRefusal(cause);
  if (refused) return refused;
  const facts: Record<string, string | number> = { provider: providerKey, stage };
  const safeCause = new Error(
    cause instanceof Error ? `${cause.name}: ${(cause as { code?: string }).code ?? ''}` : 'unknown',
  );

  if (cause instanceof oauth.ResponseBodyError) {
    facts.status = cause.status;
    facts.oauthError = cause.error;
    const code: ErrorCode = cause.status >= 500 ? 'PROVIDER_UNAVAILABLE' : 'TOKEN_REQUEST_REJECTED';
    return new ConsentryError(code, {
      detail: `${providerKey} answered “${cause.error}” (HTTP ${cause.status}).`,
      facts,
      cause: safeCause,
    });
  }
  if (cause instanceof oauth.WWWAuthenticateChallengeError) {
    facts.status = cause.status;
    return new ConsentryError('TOKEN_REQUEST_REJECTED', {
      detail: `${providerKey} refused the client authentication.`,
      facts,
      cause: safeCause,
    });
  }
  if (cause instanceof oauth.OperationProcessingError || cause instanceof oauth.UnsupportedOperationError) {
    const status = statusOf(cause);
    if (status !== undefined) facts.status = status;
    if (status !== undefined && (status >= 500 || status === 429)) {
      return new ConsentryError('PROVIDER_UNAVAILABLE', {
        detail: `${providerKey} answered HTTP ${status}.`,
        facts,
        cause: safeCause,
      });
    }
    const what =
      stage === 'id_token' || /JWT|ID Token|id_token/.test(cause.message)
        ? 'ID_TOKEN_INVALID'
        : 'TOKEN_RESPONSE_INVALID';
    facts.reason = (cause as { code?: string }).code ?? cause.name;
    return new ConsentryError(what, {
      detail: `${providerKey}: ${describe(cause)}`,
      facts,
      cause: safeCause,
    });
  }
  if (
    cause instanceof Error &&
    (cause.name === 'TimeoutError' || cause.name === 'AbortError' || cause instanceof TypeError)
  ) {
    return new ConsentryError('PROVIDER_UNAVAILABLE', {
      detail: `${providerKey} could not be reached.`,
      facts,
      cause: safeCause,
    });
  }
  return new ConsentryError('TOKEN_RESPONSE_INVALID', {
    detail: `${providerKey}: unexpected failure.`,
    facts,
    cause: safeCause,
  });
}

/**
 * oauth4webapi's own https check (`allowInsecureRequests` false for a plain-http URL) refused the
 * request before sending it: that is the egress policy's scheme rule, so it carries the policy's
 * code (EGRESS_REFUSED, reason `scheme`) — not TOKEN_RESPONSE_INVALID or DISCOVERY_FAILED, which
 * would say a provider answered badly when nothing was sent (issue 10).
 */
export function schemeRefusal(cause: unknown): ConsentryError | undefined {
  if (!(cause instanceof Error) || (cause as { code?: string }).code !== oauth.HTTP_REQUEST_FORBIDDEN)
    return undefined;
  const url = (cause as { cause?: unknown }).cause;
  const host = url instanceof URL ? url.hostname.slice(0, 253) : 'unknown';
  return new ConsentryError('EGRESS_REFUSED', {
    detail: `${url instanceof URL ? `http://${url.host}` : 'a plain-http URL'} is refused: outbound requests use https (plain http only to an allowed loopback address).`,
    facts: { host, reason: 'scheme' },
  });
}

function statusOf(error: Error): number | undefined {
  const cause = (error as { cause?: unknown }).cause;
  if (cause instanceof Response) return cause.status;
  return undefined;
}

/** oauth4webapi messages name fields, never values; keep the first sentence. */
function describe(error: Error): string {
  const msg = error.message.split('\n')[0] ?? 'invalid response';
  return msg.length > 200 ? `${msg.slice(0, 200)}…` : msg;
}

/** True when the provider said the refresh token (or code) is no longer valid. */
export function isInvalidGrant(error: unknown): boolean {
  return isConsentryError(error) && error.facts.oauthError === 'invalid_grant';
}
