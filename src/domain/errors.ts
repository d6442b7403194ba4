/**
 * One catalogue of error codes for every face (library, HTML pages, JSON API, CLI).
 *
 * An error carries a stable `code` callers switch on, a message safe to show a person,
 * and the underlying `cause` for the logs. Messages never contain a token or a secret:
 * the places that build them only ever interpolate provider keys, ids and OAuth error codes.
 */

export const ERROR_CATALOGUE = {
  CONFIG_INVALID: { status: 500, message: 'The configuration is invalid.' },
  SECRET_KEY_MISSING: { status: 500, message: 'The secret-box key is missing.' },
  SECRET_KEY_WRONG: { status: 500, message: 'The secret-box key does not open the stored secrets.' },
  SECRET_OPEN_FAILED: { status: 500, message: 'A sealed secret could not be opened.' },
  SECRET_FORMAT_INVALID: { status: 500, message: 'A sealed secret has an unknown format.' },
  SECRET_KEY_UNKNOWN: { status: 500, message: 'A sealed secret names a key that is not in the key ring.' },

  PROVIDER_UNKNOWN: { status: 404, message: 'No such provider.' },
  PROVIDER_INVALID: { status: 500, message: 'A provider entry is invalid.' },
  CLIENT_UNKNOWN: { status: 404, message: 'No such registered client.' },
  CLIENT_AMBIGUOUS: { status: 400, message: 'Several clients are registered for this provider; name one.' },
  CLIENT_INVALID: { status: 400, message: 'The client registration is invalid.' },
  SERVICE_ACCOUNT_KEY_INVALID: {
    status: 400,
    message: 'The service-account key file cannot be used.',
  },
  CONSUMER_UNKNOWN: { status: 400, message: 'No consumer is registered for this purpose.' },
  CONSUMER_DUPLICATE: { status: 500, message: 'Two consumers are registered for one purpose.' },
  CONSUMER_FAILED: { status: 500, message: 'The feature that started this connection could not store it.' },
  UNSAFE_RETURN_URL: {
    status: 400,
    message: 'The return URL must be a same-site path such as /settings/mail.',
  },
  SCOPES_INVALID: { status: 400, message: 'The requested scopes are invalid.' },

  CALLBACK_PARAMETER_MISSING: { status: 400, message: 'The provider sent the browser back without a state.' },
  CALLBACK_PARAMETER_DUPLICATED: { status: 400, message: 'The callback repeats a parameter.' },
  CALLBACK_PARAMETER_TOO_LARGE: { status: 400, message: 'A callback parameter is too large.' },
  FLOW_UNKNOWN: {
    status: 400,
    message: 'This sign-in link is unknown or was already used. Start the connection again.',
  },
  FLOW_EXPIRED: {
    status: 400,
    message: 'This sign-in took too long and expired. Start the connection again.',
  },
  FLOW_SESSION_MISMATCH: {
    status: 400,
    message: 'This sign-in was started in another browser session. Start the connection again here.',
  },
  AUTHORIZATION_RESPONSE_INVALID: {
    status: 400,
    message: 'The provider’s authorization response is invalid.',
  },
  ISSUER_MISMATCH: {
    status: 400,
    message: 'The authorization response came from an unexpected issuer (possible mix-up attack).',
  },

  TOKEN_REQUEST_REJECTED: { status: 502, message: 'The provider rejected the token request.' },
  TOKEN_RESPONSE_INVALID: { status: 502, message: 'The provider’s token response is invalid.' },
  ID_TOKEN_INVALID: { status: 502, message: 'The provider’s ID token is invalid.' },
  PROVIDER_UNAVAILABLE: {
    status: 503,
    message: 'The provider could not be reached; the stored token is kept and will be retried.',
  },
  DISCOVERY_FAILED: { status: 502, message: 'The provider’s discovery document could not be read.' },

  CONNECTION_UNKNOWN: { status: 404, message: 'No such connection.' },
  CONNECTION_NEEDS_REAUTH: { status: 409, message: 'The connection needs to be reconnected.' },
  CONNECTION_REVOKED: { status: 409, message: 'The connection was revoked.' },
  CONNECTION_NO_REFRESH_TOKEN: {
    status: 409,
    message: 'The connection has no refresh token; reconnect to get a new access token.',
  },
  CONNECTION_COOLING_DOWN: {
    status: 503,
    message: 'The last refresh failed; the next attempt waits for the cooldown.',
  },
  CONNECTION_EXISTS: {
    status: 409,
    message: 'A connection for this client and request already exists for another purpose.',
  },
  GRANT_UNSUPPORTED: {
    status: 400,
    message:
      'This grant is not available for the client (its provider or this installation does not support it).',
  },
  LEASE_TIMEOUT: { status: 503, message: 'Another worker is refreshing this connection; try again shortly.' },

  NOT_FOUND: { status: 404, message: 'Not found.' },
  BAD_REQUEST: { status: 400, message: 'Bad request.' },
  INTERNAL: { status: 500, message: 'Something went wrong.' },

  // Provider catalog (issue 3)
  CLIENT_REGISTRATION_FAILED: {
    status: 502,
    message: 'The provider refused to register this application (dynamic client registration).',
  },

  // Provider role: OAuth applications, signing keys (issue 6)
  APPLICATION_UNKNOWN: { status: 404, message: 'No such OAuth application.' },
  APPLICATION_INVALID: { status: 400, message: 'The OAuth application is invalid.' },
  SIGNING_KEYS_MISSING: {
    status: 503,
    message:
      'OAuth authorization is not available as encryption keys configuration was not complete. Please contact your administrator.',
  },
  SIGNING_KEY_INSECURE: {
    status: 500,
    message: 'A signing private key file can be read by other users; it must be mode 0600.',
  },
  SIGNING_KEY_INVALID: { status: 500, message: 'A file in the signing keys directory cannot be used.' },

  // Consumers: mail over IMAP/SMTP, sign-in, consumer discovery (issue 7)
  CONSUMER_DISCOVERY_FAILED: { status: 500, message: 'A configured consumer module could not be loaded.' },
  MAIL_ACCOUNT_UNKNOWN: { status: 404, message: 'No such mailbox account.' },
  MAIL_SETTINGS_INVALID: { status: 400, message: 'The mailbox settings are invalid.' },
  MAIL_NOT_CONNECTED: { status: 409, message: 'This mailbox is not connected yet; connect it first.' },
  MAIL_ACCOUNT_MISMATCH: {
    status: 400,
    message: 'You signed in with another account than this mailbox’s address; nothing was stored.',
  },
  MAIL_RECONNECT_NEEDED: {
    status: 409,
    message: 'Reconnect your mailbox: the provider no longer accepts its authorization.',
  },
  MAIL_AUTH_FAILED: {
    status: 502,
    message: 'The mail server refused the mailbox’s access token, even a freshly refreshed one.',
  },
  MAIL_SERVER_FAILED: { status: 502, message: 'The mail server could not complete the request.' },
  SIGNIN_NOT_ALLOWED: { status: 403, message: 'This account may not sign in to Consentry.' },
  SIGNIN_FAILED: { status: 400, message: 'Signing in did not work; start again.' },

  // Admin console and CLI: users, permissions, sessions, connect links, key rotation (issue 4)
  ROUTE_PERMISSION_MISSING: { status: 500, message: 'This route declares no known permission.' },
  SIGN_IN_REQUIRED: { status: 401, message: 'Sign in to continue.' },
  FORBIDDEN: { status: 403, message: 'You do not have permission for this.' },
  SIGN_IN_INVALID: { status: 401, message: 'The email address or password is wrong.' },
  SETUP_CLOSED: {
    status: 403,
    message: 'The first-run setup is closed: an administrator already exists. Sign in instead.',
  },
  USER_INVALID: { status: 400, message: 'The user is invalid.' },
  USER_UNKNOWN: { status: 404, message: 'No such user.' },
  USER_EXISTS: { status: 409, message: 'A user with this email address already exists.' },
  HANDOFF_INVALID: {
    status: 400,
    message: 'This connect link is unknown, expired or already used. Run `consentry connect` again.',
  },
  // Connection health (issue 11)
  CLIENT_REFUSED: {
    status: 502,
    message:
      "The provider refuses this client's credentials: check the client secret (and its data center or tenant).",
  },
  PROVIDER_RATE_LIMITED: {
    status: 503,
    message: 'The provider asked to slow down; token requests for this client wait until it allows them.',
  },
  RECONNECT_ACCOUNT_MISMATCH: {
    status: 409,
    message:
      'You signed in at the provider with another account than the one this connection belongs to; the connection was left as it was. Sign in as that account, or connect the other account as a new connection.',
  },
  OUTREACH_INVALID: {
    status: 400,
    message: 'This reconnect link is unknown, expired or already used. Ask for a new one.',
  },
  OUTREACH_UNAVAILABLE: { status: 400, message: 'A reconnect link cannot be sent for this connection.' },
  // Working with real providers: per-user token hosts, flows reported to `consentry connect` (issue 12)
  TOKEN_HOST_REFUSED: {
    status: 400,
    message:
      'The provider named a token host that is not in its list of allowed hosts; nothing was sent there.',
  },
  FLOW_CANCELLED: {
    status: 400,
    message: 'The provider ended the flow without a code (the user cancelled, or it answered with an error).',
  },
  REWRAP_INCOMPLETE: {
    status: 500,
    message: 'Some sealed values could not be re-sealed under the current key.',
  },

  // Security hardening (issue 10): egress policy, sign-in limits, public flow starts, file modes
  EGRESS_REFUSED: {
    status: 400,
    message: 'The outbound request was refused by the egress policy.',
  },
  EGRESS_RESPONSE_TOO_LARGE: { status: 502, message: 'The remote server answered with too much data.' },
  FLOW_START_THROTTLED: {
    status: 429,
    message: 'Too many sign-ins were started from this address. Wait a minute and try again.',
  },
  FILE_MODE_INSECURE: {
    status: 500,
    message: 'A data or key file can be read by other users.',
  },
  // Issue 10: key rotation while servers run.
  REWRAP_BLOCKED: {
    status: 409,
    message: 'Not every running server holds the new key yet; rewrap did not start (nothing was changed).',
  },
  AUDIT_CHAIN_BROKEN: {
    status: 500,
    message: 'The audit trail was altered: a row was edited, inserted or deleted.',
  },

  // Integration surface: JSON API keys, webhooks (issue 13)
  API_KEY_INVALID: {
    status: 401,
    message: 'The API key is missing, unknown or revoked. Send `Authorization: Bearer <key>`.',
  },
  API_KEY_SCOPE_MISSING: { status: 403, message: 'This API key does not have the scope this call needs.' },
  API_KEY_UNKNOWN: { status: 404, message: 'No such API key.' },
  API_KEY_INVALID_INPUT: { status: 400, message: 'The API key settings are invalid.' },
  WEBHOOK_ENDPOINT_UNKNOWN: { status: 404, message: 'No such webhook endpoint.' },
  WEBHOOK_ENDPOINT_INVALID: { status: 400, message: 'The webhook endpoint is invalid.' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

export interface ErrorOptions {
  /** Replaces the catalogue message; must never contain secrets. */
  detail?: string;
  cause?: unknown;
  /** Safe, structured facts for logs and JSON bodies (provider key, OAuth error code, status). */
  facts?: Record<string, string | number | boolean | undefined>;
}

export class ConsentryError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly facts: Record<string, string | number | boolean | undefined>;

  constructor(code: ErrorCode, options: ErrorOptions = {}) {
    const entry = ERROR_CATALOGUE[code];
    super(options.detail ? `${entry.message} ${options.detail}` : entry.message, { cause: options.cause });
    this.name = 'ConsentryError';
    this.code = code;
    this.status = entry.status;
    this.facts = options.facts ?? {};
  }

  /** The JSON shape every face uses; the cause is never included. */
  toJSON(): { error: ErrorCode; message: string; facts: Record<string, unknown> } {
    return { error: this.code, message: this.message, facts: this.facts };
  }
}

export function isConsentryError(value: unknown, code?: ErrorCode): value is ConsentryError {
  return value instanceof ConsentryError && (code === undefined || value.code === code);
}
