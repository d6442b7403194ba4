import type { ApplicationCredentials } from '../domain/application.ts';
import type { ApplicationRepository } from '../storage/provider-role.ports.ts';
import { secretMatches } from './client-secret.ts';
import type { FailureLimiter } from './failure-limiter.ts';
import { invalidClient, invalidRequest, OAuthError } from './oauth-error.ts';

/** What the HTTP layer hands over: the raw header, the parsed form body and query, the peer address. */
export interface OAuthRequestInput {
  authorization: string | undefined;
  contentType: string | undefined;
  body: unknown;
  query: unknown;
  address: string;
}

export interface PresentedCredentials {
  clientId: string;
  clientSecret: string;
  method: 'client_secret_basic' | 'client_secret_post' | 'none';
}

const CREDENTIAL_PARAMETERS = ['client_id', 'client_secret', 'grant_type', 'scope', 'token', 'access_token'];

/**
 * The form parameters of a token, introspection or revocation request, checked the way RFC 6749
 * wants them: a form-encoded POST body (§3.2), each parameter at most once (§3.1), and no
 * credentials or parameters in the query string (§2.3.1: "MUST NOT be included in the request URI").
 */
export function formParameters(input: OAuthRequestInput): Map<string, string> {
  const type = (input.contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded')
    throw invalidRequest('The request body must be application/x-www-form-urlencoded.');
  const query = (input.query ?? {}) as Record<string, unknown>;
  if (CREDENTIAL_PARAMETERS.some((p) => p in query))
    throw invalidRequest('Parameters in the query string are not accepted; send them in the POST body.');
  const params = new Map<string, string>();
  for (const [name, value] of Object.entries((input.body ?? {}) as Record<string, unknown>)) {
    if (Array.isArray(value)) throw invalidRequest(`The parameter ${safeName(name)} is repeated.`);
    if (typeof value !== 'string') continue;
    // RFC 6749 §3.1: parameters sent without a value are treated as if omitted.
    if (value !== '') params.set(name, value);
  }
  return params;
}

/** RFC 6749 App. B: the id and secret are form-urlencoded, then joined with ':' and base64-encoded. */
function decodeFormComponent(value: string): string {
  // Generated ids and base64url secrets have nothing to decode: skip the regex and the decoder.
  if (!value.includes('%') && !value.includes('+')) return value;
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    throw invalidRequest('The Authorization header is malformed.');
  }
}

/**
 * The credentials the client presented: HTTP Basic (RFC 6749 §2.3.1, required of servers) or
 * `client_id` + `client_secret` in the body. Both at once is refused (§2.3: one method only).
 */
export function presentedCredentials(
  authorization: string | undefined,
  params: Map<string, string>,
): PresentedCredentials | undefined {
  const bodyId = params.get('client_id');
  const bodySecret = params.get('client_secret');
  if (authorization !== undefined && /^basic /i.test(authorization)) {
    if (bodySecret !== undefined)
      throw invalidRequest('Use one client authentication method: HTTP Basic or the body, not both.');
    const decoded = Buffer.from(authorization.slice(6).trim(), 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) throw invalidRequest('The Authorization header is malformed.');
    const clientId = decodeFormComponent(decoded.slice(0, colon));
    const clientSecret = decodeFormComponent(decoded.slice(colon + 1));
    if (bodyId !== undefined && bodyId !== clientId)
      throw invalidRequest('client_id in the body differs from the one in the Authorization header.');
    if (!clientId) throw invalidClient();
    return { clientId, clientSecret, method: 'client_secret_basic' };
  }
  if (authorization !== undefined) throw invalidClient('Use HTTP Basic client authentication.');
  if (bodyId === undefined) return undefined;
  // RFC 7591 §2 `none`: a public client identifies itself by client_id alone.
  if (bodySecret === undefined) return { clientId: bodyId, clientSecret: '', method: 'none' };
  return { clientId: bodyId, clientSecret: bodySecret, method: 'client_secret_post' };
}

/**
 * Authenticates the calling application. Every failure is the same `invalid_client` (unknown id,
 * wrong or expired secret, deactivated), so the answer does not tell which ids exist. Failures
 * count against the limiter; a budget this instance knows is spent is refused before the secret
 * is checked, and a right secret for a spent budget is refused all the same (429 either way).
 */
export async function authenticateClient(
  deps: { applications: ApplicationRepository; limiter: FailureLimiter; now: () => number },
  authorization: string | undefined,
  params: Map<string, string>,
  address: string,
): Promise<ApplicationCredentials> {
  const presented = presentedCredentials(authorization, params);
  const now = deps.now();
  const knownWait = deps.limiter.knownRetryAfter(presented?.clientId, address, now);
  if (knownWait > 0) throw tooManyFailures(knownWait);
  if (!presented) {
    const wait = await deps.limiter.recordFailure(undefined, address, now);
    if (wait > 0) throw tooManyFailures(wait);
    throw invalidClient('Client authentication is required.');
  }
  const app = await deps.applications.credentials(presented.clientId);
  if (app?.clientType === 'public' || (app === undefined && presented.method === 'none')) {
    // A public client has no secret to guess, so nothing to count; a secret sent by one is an
    // error of the client (RFC 6749 §2.3: a client has one authentication method).
    if (!app?.active || presented.method !== 'none') throw invalidClient();
    return app;
  }
  const ok =
    app !== undefined &&
    presented.method !== 'none' &&
    (secretMatches(presented.clientSecret, app.secretHash) ||
      (app.previousSecretValidUntil !== undefined &&
        app.previousSecretValidUntil > now &&
        secretMatches(presented.clientSecret, app.previousSecretHash)));
  if (!app || !ok) {
    const wait = await deps.limiter.recordFailure(presented.clientId, address, now);
    if (wait > 0) throw tooManyFailures(wait);
    throw invalidClient();
  }
  // The usual success does no limiter I/O; only after failures seen here are the shared counts read.
  if (deps.limiter.needsCheck(presented.clientId, address)) {
    const wait = await deps.limiter.checkSuccess(presented.clientId, address, now);
    if (wait > 0) throw tooManyFailures(wait);
  }
  if (!app.active) throw invalidClient('The application is deactivated.');
  return app;
}

const tooManyFailures = (retryAfterSeconds: number) =>
  new OAuthError('invalid_client', 'Too many failed authentication attempts; try again later.', 429, {
    'retry-after': String(retryAfterSeconds),
  });

const safeName = (name: string) => name.replace(/[^A-Za-z0-9_.-]/g, '').slice(0, 40);
