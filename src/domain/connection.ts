import type { HealthState } from './connection-health.ts';

/** What Consentry keeps about one connected account, with secrets already opened. */
export type ConnectionStatus = 'active' | 'needs_reauth' | 'revoked';

export interface Connection {
  id: string;
  clientRef: string;
  providerKey: string;
  purpose: string;
  payload: Record<string, unknown>;
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
