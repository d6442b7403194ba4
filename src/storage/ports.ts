import type {
  Connection,
  ConnectionGrant,
  ConnectionStatus,
  Flow,
  GrantRequest,
  RegisteredClient,
} from '../domain/connection.ts';
import type { HealthState } from '../domain/connection-health.ts';

/**
 * Repository interfaces the core depends on. Implementations seal and open secrets themselves
 * (they know the table, column and row that bind each ciphertext), so the core only ever sees
 * plaintext values in memory and never a database driver.
 */

export interface NewClient {
  providerKey: string;
  name: string;
  clientId: string;
  clientSecret?: string | undefined;
  /** Private JWK (JSON) for `private_key_jwt`, sealed at rest. */
  clientKey?: string | undefined;
  templateValues?: Record<string, string>;
  options?: Record<string, unknown>;
}

export interface ClientUpdate {
  name?: string;
  clientId?: string;
  /** undefined = unchanged (the write-only field left blank). */
  clientSecret?: string | undefined;
  /** undefined = unchanged; a private JWK (JSON) replaces the stored key. */
  clientKey?: string | undefined;
  templateValues?: Record<string, string>;
  options?: Record<string, unknown>;
}

export interface ClientRepository {
  create(input: NewClient): Promise<RegisteredClient>;
  get(id: string): Promise<RegisteredClient | undefined>;
  list(filter?: { providerKey?: string }): Promise<RegisteredClient[]>;
  /** Opens the sealed client secret for a token request. */
  secretOf(id: string): Promise<string | undefined>;
  /** Opens the sealed private JWK (JSON) for `private_key_jwt`. */
  keyOf(id: string): Promise<string | undefined>;
  /** Also clears a `client_invalid` flag when the client id, secret or template values change. */
  update(id: string, update: ClientUpdate): Promise<RegisteredClient | undefined>;
  /** Flags the client as refused by its provider; true for exactly one caller (one event). */
  flagRefused(id: string, state: HealthState, now: Date): Promise<boolean>;
  /** Pauses token requests for the client until `until` (only lengthens); true when it moved. */
  pauseUntil(id: string, until: Date, state: HealthState): Promise<boolean>;
  delete(id: string): Promise<boolean>;
}

export interface TokenFields {
  accessToken: string;
  /** undefined = keep the stored refresh token. */
  refreshToken?: string | undefined;
  tokenType: string;
  scopes: string[];
  expiresAt: Date | undefined;
  refreshExpiresAt?: Date | undefined;
  idTokenClaims?: Record<string, unknown> | undefined;
  extras?: Record<string, string>;
  /**
   * The account's own token host (origin) and DPoP key (private JWK, JSON): undefined = unchanged,
   * null = cleared. Set at the exchange (insert or reconnect); a refresh leaves them as they are.
   */
  tokenHost?: string | null | undefined;
  dpopKey?: string | null | undefined;
}

export interface NewConnection extends TokenFields {
  clientRef: string;
  providerKey: string;
  purpose: string;
  payload: Record<string, unknown>;
  account: string | undefined;
  subject: string | undefined;
  issuer: string | undefined;
  /** Default `authorization_code`. */
  grantType?: ConnectionGrant | undefined;
  /** A connection without a user: its grant's inputs and the key that makes connect idempotent. */
  grantRequest?: GrantRequest | undefined;
  grantKey?: string | undefined;
}

export interface ConnectionFilter {
  clientRef?: string;
  status?: ConnectionStatus;
  purpose?: string;
}

/** What `ensureFresh` needs on its hot path: one narrow indexed read and one AEAD open. */
export type UsableToken = Pick<
  Connection,
  'id' | 'status' | 'accessToken' | 'tokenType' | 'scopes' | 'expiresAt' | 'idTokenClaims' | 'extras'
>;

/**
 * What a listing shows of a connection (`connections list`, issue 15): read without the sealed
 * columns — no token is opened (or even read) to list a thousand connections.
 */
export type ConnectionSummary = Pick<
  Connection,
  | 'id'
  | 'clientRef'
  | 'providerKey'
  | 'purpose'
  | 'payload'
  | 'grantType'
  | 'account'
  | 'scopes'
  | 'status'
  | 'statusReason'
  | 'expiresAt'
  | 'refreshExpiresAt'
  | 'hasRefreshToken'
  | 'lastRefreshAt'
  | 'lastError'
  | 'nextAttemptAt'
  | 'health'
  | 'createdAt'
>;

/**
 * A due connection claimed by `claimDue`: the row as it reads under the lease this claim took
 * (the re-read under the lease, in the same statement), with what the refresh needs next.
 */
export interface ClaimedConnection {
  connection: Connection;
  /** The opened refresh token (read in the claiming statement). */
  refreshToken: string | undefined;
  /** The lease held: `lease_owner` and `lease_until` as written by the claim. */
  owner: string;
  leaseUntil: Date;
  /**
   * The registered client's `updated_at` (epoch ms) when claimed: any administrator edit of the
   * client moves it, so a client (and opened secret) cached under this stamp is still current.
   */
  clientStamp: number | undefined;
}

export interface ConnectionRepository {
  insert(input: NewConnection, now: Date): Promise<Connection>;
  get(id: string): Promise<Connection | undefined>;
  /** The connection without a user of this client made by the same request (`grantKey`), if any. */
  findByGrantKey(clientRef: string, grantKey: string): Promise<Connection | undefined>;
  /** The narrow hot-path read behind `ensureFresh`. */
  getUsable(id: string): Promise<UsableToken | undefined>;
  list(filter?: ConnectionFilter): Promise<Connection[]>;
  /** `list`'s rows and order as summaries: one query, the sealed columns never read. */
  listSummaries(filter?: ConnectionFilter): Promise<ConnectionSummary[]>;
  /** Opens the sealed refresh token (only the refresh path needs it). */
  refreshTokenOf(id: string): Promise<string | undefined>;
  /** Opens the sealed DPoP private JWK (JSON), when the connection's tokens are DPoP-bound. */
  dpopKeyOf(id: string): Promise<string | undefined>;
  /** `UPDATE … WHERE active AND lease free or expired` — true when this owner now holds the lease. */
  tryAcquireLease(id: string, owner: string, until: Date, now: Date): Promise<boolean>;
  releaseLease(id: string, owner: string): Promise<void>;
  /**
   * Extends a lease this owner still holds (heartbeat while the provider call is in flight).
   * False when the lease was lost — someone else took it after it ran out.
   */
  renewLease(id: string, owner: string, until: Date): Promise<boolean>;
  /**
   * Stores a refresh result in ONE write, fenced by version and lease owner: access token,
   * refresh token (kept when undefined), expiry, version + 1, lease cleared, failures reset.
   * Returns the connection as committed (read back by the same statement, `RETURNING`), or
   * undefined when the fence did not match (someone else moved the row).
   */
  commitRefresh(
    id: string,
    fence: { version: number; owner: string },
    token: TokenFields,
    now: Date,
  ): Promise<Connection | undefined>;
  /** Replaces the tokens after a re-consent (a reconnect), status back to active. */
  replaceTokens(id: string, token: TokenFields, now: Date): Promise<void>;
  /** Records a transient failure and when the next attempt may run; clears the lease. */
  recordFailure(
    id: string,
    owner: string,
    failure: { error: string; nextAttemptAt: Date; health?: HealthState | undefined },
    now: Date,
  ): Promise<void>;
  /** Marks `needs_reauth` only if the version is still the one the failed refresh used. */
  markNeedsReauth(
    id: string,
    fence: { version: number },
    reason: string,
    now: Date,
    health?: HealthState,
  ): Promise<boolean>;
  setStatus(id: string, status: ConnectionStatus, reason: string | undefined, now: Date): Promise<void>;
  /**
   * Active connections with a refresh token — or renewed by re-running their grant (0017:
   * `grant_type` other than `authorization_code`) — whose access token expires before `before`, whose
   * backoff has passed and which nobody holds a lease on, of clients neither refused by their
   * provider nor paused by a rate limit; soonest first, by index.
   */
  listDue(before: Date, now: Date, limit: number): Promise<Connection[]>;
  /**
   * The background refresher's batch claim (issue 11): takes the lease on up to `limit` of the
   * connections `listDue` would return, in ONE statement (`UPDATE … WHERE id IN (due rows) AND
   * lease free … RETURNING`), and returns them as read under that lease, soonest expiry first.
   * Two claimers never get the same row (SQLite: one writer at a time; PostgreSQL: the due rows
   * are locked `FOR UPDATE SKIP LOCKED` and the lease condition is checked again on the locked
   * row). Every claimed row is then committed (`commitRefresh`, fenced by version and owner),
   * failed (`recordFailure`) or released (`releaseLease`) by its owner — or, should the owner die,
   * found by `listAbandoned` once the lease runs out.
   */
  claimDue(
    before: Date,
    now: Date,
    limit: number,
    lease: { owner: string; until: Date },
  ): Promise<ClaimedConnection[]>;
  /**
   * Active connections whose refresh token lapses (documented lifetime) before `before`, not yet
   * warned about and not leased; soonest first, by index.
   */
  listLapsing(before: Date, now: Date, limit: number): Promise<Connection[]>;
  /**
   * Active connections whose lease ran out with its owner still named: a refresh whose process
   * died (or stalled) somewhere between taking the lease and writing. The provider may have
   * rotated the refresh token meanwhile, so these are settled by a refresh soon — succeeding, or
   * ending in `needs_reauth` with the reason — rather than looking healthy until someone needs them.
   */
  listAbandoned(now: Date, limit: number): Promise<Connection[]>;
  /**
   * Records that the coming lapse of the refresh token expiring at `refreshExpiresAt` was
   * announced. True for exactly one caller (every instance sweeps; one warns).
   */
  markLapseWarned(id: string, refreshExpiresAt: Date, now: Date): Promise<boolean>;
  delete(id: string): Promise<boolean>;
}

export interface NewFlow extends Omit<Flow, 'createdAt'> {}

export interface FlowRepository {
  create(flow: NewFlow, now: Date): Promise<void>;
  /** Deletes and returns the flow in one statement: single use even under simultaneous callbacks. */
  consume(stateHash: string): Promise<Flow | undefined>;
  deleteExpired(now: Date): Promise<number>;
}

export interface Store {
  clients: ClientRepository;
  connections: ConnectionRepository;
  flows: FlowRepository;
  /** Counts sealed values and tries to open one per sealed column, for the start-up key check. */
  checkSealedValues(): Promise<{ sealedCount: number; failure: Error | undefined }>;
}

/** Connection health (issue 11): a reconnect link sent to a connection's end user. */
export interface OutreachRecord {
  id: string;
  connectionRef: string;
  channel: 'email' | 'link';
  /** The email address (channel `email`); undefined when the feature delivers the link itself. */
  recipient: string | undefined;
  createdAt: Date;
  expiresAt: Date;
  sentAt: Date | undefined;
  usedAt: Date | undefined;
  /** When the connection came back to `active` through a reconnect after the link was used. */
  completedAt: Date | undefined;
  /** Why the email could not be sent (SMTP reply code), never message content. */
  lastError: string | undefined;
}

export interface OutreachRepository {
  create(
    record: Pick<
      OutreachRecord,
      'id' | 'connectionRef' | 'channel' | 'recipient' | 'createdAt' | 'expiresAt'
    >,
  ): Promise<void>;
  get(id: string): Promise<OutreachRecord | undefined>;
  markSent(id: string, at: Date, error?: string): Promise<void>;
  /** Single use: true for exactly one caller, and only before `expiresAt`. */
  use(id: string, now: Date): Promise<boolean>;
  /** Marks the used, not yet completed links of a connection completed; returns how many. */
  complete(connectionRef: string, now: Date): Promise<number>;
  /** Newest first. */
  list(options?: { connectionRef?: string; limit?: number }): Promise<OutreachRecord[]>;
}
