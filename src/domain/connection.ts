import type { HealthState } from './connection-health.ts';

/** What Consentry keeps about one connected account, with secrets already opened. */
export type ConnectionStatus = 'active' | 'needs_reauth' | 'revoked';

/**
 * How a connection gets its tokens: `authorization_code` (RFC 6749 §4.1: a person consented;
 * renewed with its refresh token, §6), `client_credentials` (§4.4: the registered client acts for
 * itself, no person, no refresh token — renewed by requesting a new token) or `jwt_bearer`
 * (RFC 7523 §2.1: a signed assertion, renewed by signing a new one). The last two are
 * "connections without a user": renewed by re-running their grant (src/core/regrant.ts).
 */
export const CONNECTION_GRANTS = ['authorization_code', 'client_credentials', 'jwt_bearer'] as const;
export type ConnectionGrant = (typeof CONNECTION_GRANTS)[number];

/**
 * What a connection without a user asks its grant for, kept so that the grant can be run again
 * before expiry: `scopes` (empty = the provider entry's default), `params` (extra token-request
 * parameters: an RFC 8707 `resource`, an `audience`), and any other non-secret input a grant
 * strategy needs (the JWT-bearer `subject`). Never a secret: stored as plain JSON.
 */
export interface GrantRequest {
  scopes: string[];
  params: Record<string, string>;
  [input: string]: unknown;
}

export interface Connection {
  id: string;
  clientRef: string;
  providerKey: string;
  purpose: string;
  payload: Record<string, unknown>;
  /** How the tokens are obtained and renewed (0017); `authorization_code` for every consented one. */
  grantType: ConnectionGrant;
  /** The grant's inputs for a connection without a user (undefined for `authorization_code`). */
  grantRequest?: GrantRequest | undefined;
  /** A human account identifier: email when known, else the subject. */
  account: string | undefined;
  subject: string | undefined;
  issuer: string | undefined;
  accessToken: string;
  tokenType: string;
  scopes: string[];
  expiresAt: Date | undefined;
  refreshExpiresAt: Date | undefined;
  hasRefreshToken: boolean;
  idTokenClaims: Record<string, unknown> | undefined;
  extras: Record<string, string>;
  /**
   * Origin of this account's own token host, when its authorization response named one (Zoho
   * `accounts-server`, checked against the entry's `tokenHost.allowed`); undefined = the entry's.
   */
  tokenHost?: string | undefined;
  /** Whether the tokens are DPoP-bound (RFC 9449): the sealed key is read only to sign proofs. */
  dpopBound?: boolean;
  status: ConnectionStatus;
  statusReason: string | undefined;
  lastRefreshAt: Date | undefined;
  lastError: string | undefined;
  failureCount: number;
  nextAttemptAt: Date | undefined;
  /**
   * Why the connection is not healthy (issue 11): the named cause of its last refusal or failure
   * with the evidence; undefined while healthy. Set with `needs_reauth` and with transient
   * failures (`provider_unavailable`, `rate_limited`) while the connection stays `active`.
   */
  health: HealthState | undefined;
  /** Fencing counter: moves by one on every stored refresh. */
  version: number;
  leaseOwner: string | undefined;
  leaseUntil: Date | undefined;
  createdAt: Date;
  updatedAt: Date;
}

/** A registered client at a provider (client id + sealed secret + template values such as a tenant). */
export interface RegisteredClient {
  id: string;
  providerKey: string;
  name: string;
  clientId: string;
  /** Opened only when needed for a token request; `hasClientSecret` tells the pages. */
  hasClientSecret: boolean;
  /** A private key for `private_key_jwt` is stored (sealed); its public JWK is `options.publicJwk`. */
  hasClientKey?: boolean;
  templateValues: Record<string, string>;
  options: Record<string, unknown>;
  /**
   * The provider refuses this client's credentials (`client_invalid`, issue 11): refreshes of
   * every connection of the client pause until an administrator updates the client.
   */
  refusal?: HealthState | undefined;
  /** The provider asked to slow down (HTTP 429): no token request for this client before then. */
  pausedUntil?: Date | undefined;
  pause?: HealthState | undefined;
  createdAt: Date;
  updatedAt: Date;
}

/** A pending authorization-code flow, server side. Only the hash of `state` is stored. */
export interface Flow {
  stateHash: string;
  sessionHash: string;
  clientRef: string;
  purpose: string;
  payload: Record<string, unknown>;
  returnUrl: string;
  codeVerifier: string | undefined;
  nonce: string | undefined;
  expectedIssuer: string | undefined;
  scopes: string[];
  /** When the flow reconnects an existing connection, its id. */
  reconnectRef: string | undefined;
  expiresAt: Date;
  createdAt: Date;
}
