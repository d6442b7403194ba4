/**
 * Connection health: one vocabulary for why a connection (or a registered client) is not healthy,
 * used by every face — library events, console, CLI `--json`, JSON bodies (issue 11).
 *
 * A refresh or code exchange ends in one of five outcomes ({@link RefreshOutcomeKind}); every
 * outcome but `ok` carries a named {@link HealthCause} and its {@link HealthEvidence}. Evidence is
 * what the provider said (its error code, a bounded description, the HTTP status), when, and how
 * many attempts — never token material.
 */

/**
 * - `ok` — tokens stored.
 * - `transient` — network error, timeout, 5xx, 429, a documented "try later": keep the token, back off.
 * - `grant_dead` — the refresh token is revoked/expired/unusable, or the user must consent again,
 *   or the account changed: `needs_reauth`, no further token request until a reconnect.
 * - `client_invalid` — the registered client's credentials are refused: the client is flagged and
 *   all its connections pause until an administrator updates the client.
 * - `unknown_refusal` — any other 4xx with a body: retried a bounded number of times, then named.
 */
export const REFRESH_OUTCOMES = [
  'ok',
  'transient',
  'grant_dead',
  'client_invalid',
  'unknown_refusal',
] as const;
export type RefreshOutcomeKind = (typeof REFRESH_OUTCOMES)[number];

/**
 * Named causes. On a connection: `revoked`, `expired` (refresh-token lifetime or inactivity),
 * `consent_required`, `account_mismatch`, `refused` (an unrecognised refusal, repeated),
 * `grant_refused` (a connection without a user: the provider refuses the client this grant or
 * these scopes — `unauthorized_client`, `invalid_scope`; an administrator fixes the app
 * registration or the request, then requests a token again), and while
 * still `active`: `provider_unavailable`, `rate_limited`. On a registered client: `client_invalid`
 * (and `rate_limited` while its provider asks to slow down).
 */
export const HEALTH_CAUSES = [
  'revoked',
  'expired',
  'consent_required',
  'account_mismatch',
  'refused',
  'grant_refused',
  'client_invalid',
  'provider_unavailable',
  'rate_limited',
] as const;
export type HealthCause = (typeof HEALTH_CAUSES)[number];

/** Which outcomes may name which causes (the catalog schema checks mappings against it). */
export const CAUSES_BY_OUTCOME: Readonly<Record<Exclude<RefreshOutcomeKind, 'ok'>, readonly HealthCause[]>> =
  {
    transient: ['provider_unavailable', 'rate_limited'],
    grant_dead: ['revoked', 'expired', 'consent_required', 'account_mismatch', 'grant_refused'],
    client_invalid: ['client_invalid'],
    unknown_refusal: ['refused'],
  };

/** What the provider said and when. Strings are bounded and never hold token material. */
export interface HealthEvidence {
  /** Provider key. */
  provider: string;
  /**
   * `refresh`, or `exchange`: any other token request — the code exchange at a callback, or a
   * connection without a user running its grant (client credentials, JWT bearer).
   */
  stage: 'refresh' | 'exchange';
  /** HTTP status of the provider's answer (absent for network errors). */
  status?: number | undefined;
  /** The provider's error code: OAuth `error`, or the non-OAuth body field a mapping matched. */
  error?: string | undefined;
  /** The provider's description, at most 300 characters, secrets redacted. */
  description?: string | undefined;
  /** The catalog mapping's documentation link, when a provider mapping decided. */
  docs?: string | undefined;
  /** ISO 8601 time of the (last) refusal. */
  at: string;
  /** Consecutive attempts that ended with this same refusal. */
  attempts: number;
  /** ISO 8601: when the next attempt may run (transient causes). */
  retryAt?: string | undefined;
}

/** A cause with its evidence, as stored on a connection or a registered client. */
export interface HealthState {
  cause: HealthCause;
  evidence: HealthEvidence;
}

/** Identical refusals in a row before an unrecognised refusal ends in `needs_reauth`. */
export const UNKNOWN_REFUSAL_LIMIT = 3;

/** Short human wording per cause, shared by the console and the CLI. */
export const CAUSE_TEXT: Readonly<Record<HealthCause, string>> = {
  revoked: 'The provider revoked or no longer accepts this authorization; the user must reconnect.',
  expired: 'The refresh token expired (its lifetime or inactivity); the user must reconnect.',
  consent_required: 'The provider requires the user to sign in or consent again.',
  account_mismatch: 'The provider answered for another account than the one connected.',
  refused: 'The provider refused every refresh with the same error; the user must reconnect.',
  grant_refused:
    'The provider refuses this application the grant or scopes it asked for: fix the app registration (grant type, API permissions, admin consent) or the requested scopes, then request a token again.',
  client_invalid: "The provider refuses this client's credentials: check the client secret.",
  provider_unavailable: 'The provider could not be reached; the token is kept and retried.',
  rate_limited: 'The provider asked to slow down; refreshes for this client wait until it allows.',
};

/** One line: the cause's wording and the provider's own words. */
export function describeHealth(state: HealthState): string {
  const e = state.evidence;
  const said = [e.error, e.description].filter(Boolean).join(': ');
  return `${CAUSE_TEXT[state.cause]}${said ? ` Provider said “${said}”` : ''}${e.status ? ` (HTTP ${e.status})` : ''} at ${e.at}${e.attempts > 1 ? `, ${e.attempts} attempts` : ''}.`;
}

/**
 * A provider description bounded to 300 characters with every known secret (the refresh token,
 * the access token, the client secret) and anything shaped like a bearer token replaced.
 */
export function safeDescription(
  text: unknown,
  secrets: readonly (string | undefined)[] = [],
): string | undefined {
  if (typeof text !== 'string' || text.length === 0) return undefined;
  let out = text.slice(0, 2000);
  for (const s of secrets) if (s && s.length >= 6) out = out.split(s).join('[redacted]');
  // Long opaque runs (JWTs, tokens) are never descriptions a person needs to read.
  out = out.replace(/[A-Za-z0-9._~+/=-]{40,}/g, '[redacted]');
  out = out.replace(/[\r\n\t]+/g, ' ');
  return out.length > 300 ? `${out.slice(0, 300)}…` : out;
}
