import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Connection } from '../domain/connection.ts';
import { describeHealth, type HealthState, UNKNOWN_REFUSAL_LIMIT } from '../domain/connection-health.ts';
import { ConsentryError, isConsentryError } from '../domain/errors.ts';
import type { ClaimedConnection, ConnectionRepository, TokenFields } from '../storage/ports.ts';
import { type Classified, classifyRefusal, healthOf, sameRefusal } from './refresh-outcome.ts';

/**
 * Refresh that never loses a connection (ARCHITECTURE.md, "Keeping a token fresh").
 *
 * - In one process: single flight — concurrent callers for one connection share one promise.
 * - Across processes: a lease on the connection row with fencing (`version`). The holder re-reads
 *   after acquiring (a sibling may have refreshed already), calls the provider, and stores the
 *   new access AND refresh token in one write fenced by version and lease owner.
 * - Waiting for someone else's lease polls with a growing sleep (25 ms → 250 ms) and gives up at
 *   a deadline: bounded, never a busy loop. Leases expire, so a dead owner never blocks forever.
 * - A live holder renews its lease every third of `leaseMs` while the provider call and the write
 *   are in flight: a slow provider never lets the lease run out under a living owner (a sibling
 *   taking over would reuse the refresh token the provider is rotating — and lose the grant).
 *   Only a dead (or frozen) process lets it lapse.
 * - Failures are classified once (./refresh-outcome.ts, issue 11): a dead grant → re-read; only if
 *   the version is unchanged (nobody rotated the refresh token) mark `needs_reauth` with the named
 *   cause. Transient failures keep the token and back off (honouring `Retry-After`); a refused
 *   client is flagged; an unknown refusal is retried a bounded number of times.
 */
export interface RefreshOutcome {
  connection: Connection;
  /** True when this call performed the provider request. */
  refreshedHere: boolean;
}

/**
 * Calls the provider for new tokens. `refreshToken` is the opened refresh token of an
 * authorization-code connection; undefined for a connection without a user (`grantType`
 * `client_credentials`, `jwt_bearer`), which is renewed by running its grant again (./regrant.ts).
 * `claim`: from a batch claim, the registered client's stamp when claimed (lets the caller reuse
 * its session).
 */
export type Refresher = (
  connection: Connection,
  refreshToken: string | undefined,
  claim?: Pick<ClaimedConnection, 'clientStamp'>,
) => Promise<TokenFields>;

export interface CoordinatorOptions {
  connections: ConnectionRepository;
  refresher: Refresher;
  /** Identifies this process in lease_owner (debugging multi-instance setups). */
  instanceId?: string;
  leaseMs?: number;
  maxWaitMs?: number;
  now?: () => Date;
  /**
   * Event hooks, awaited before the caller gets its answer: a durable listener (the webhook
   * outbox) has recorded the event by the time `ensureFresh` returns.
   */
  onRefreshed?: (c: Connection) => Promise<void> | void;
  onFailed?: (
    c: Connection,
    error: ConsentryError,
    nextAttemptAt: Date,
    health: HealthState,
  ) => Promise<void> | void;
  /** Awaited (the audit trail and the webhook outbox record the change before the caller hears of it). */
  onNeedsReauth?: (c: Connection, reason: string, health: HealthState) => Promise<void> | void;
  /** Issue 11: what a failed refresh means (provider data + RFC defaults). */
  classify?: (c: Connection, error: ConsentryError, refreshToken: string | undefined) => Classified;
  /** The provider refuses the connection's registered client (flag it, once). */
  onClientRefused?: (c: Connection, health: HealthState) => Promise<void> | void;
  /** The provider rate-limits the connection's registered client until `until`. */
  onRateLimited?: (c: Connection, until: Date, health: HealthState) => Promise<void> | void;
  /** Test hook: runs between the provider's answer and the write (crash suite). */
  beforeCommit?: (c: Connection) => Promise<void> | void;
}

/** A 429 without `Retry-After` pauses the client for a minute. */
export const DEFAULT_RATE_LIMIT_PAUSE_MS = 60_000;

/** Backoff after a transient failure: 5 s, 10 s, 20 s … capped at 15 min, with ±20 % jitter. */
export function backoffMs(failureCount: number): number {
  const base = Math.min(5_000 * 2 ** Math.max(0, failureCount), 15 * 60_000);
  return Math.round(base * (0.8 + Math.random() * 0.4));
}

/** What a caller of `refreshClaimed` may learn before the outcome (issue 11). */
export interface RefreshProgress {
  /**
   * Called once the provider has answered with tokens — before they are committed. The
   * background refresher frees the provider's concurrency slot here: the commit does not load
   * the provider, so a slow database does not slow the calls to it. Not called for a failure:
   * its classification may pause the client (invalid_client, 429), which must take effect
   * before the next request to that provider.
   */
  onProviderAnswered?: () => void;
}

export class RefreshCoordinator {
  readonly #o: Required<
    Pick<CoordinatorOptions, 'connections' | 'refresher' | 'instanceId' | 'leaseMs' | 'maxWaitMs' | 'now'>
  > &
    CoordinatorOptions;
  readonly #inflight = new Map<string, Promise<RefreshOutcome>>();

  constructor(options: CoordinatorOptions) {
    this.#o = {
      instanceId: randomUUID().slice(0, 8),
      leaseMs: 30_000,
      maxWaitMs: 20_000,
      now: () => new Date(),
      ...options,
    };
  }

  /**
   * Refreshes unless `isFresh` says the stored token is good enough — checked again after every
   * wait and after acquiring the lease, so concurrent callers coalesce onto one provider call.
   */
  refresh(id: string, isFresh: (c: Connection, startVersion: number) => boolean): Promise<RefreshOutcome> {
    const existing = this.#inflight.get(id);
    if (existing) return existing;
    const p = this.#run(id, isFresh).finally(() => this.#inflight.delete(id));
    this.#inflight.set(id, p);
    return p;
  }

  /**
   * Background refresher (issue 11): claims up to `limit` connections due before `before` under
   * one lease owner, in one statement (`ConnectionRepository.claimDue`) — the lease and the read
   * under it for the whole batch. Each is then refreshed by `refreshClaimed`.
   */
  claimDue(before: Date, limit: number): Promise<ClaimedConnection[]> {
    const t = this.#o.now();
    const owner = `${this.#o.instanceId}:${randomUUID()}`;
    return this.#o.connections.claimDue(before, t, limit, {
      owner,
      until: new Date(t.getTime() + this.#o.leaseMs),
    });
  }

  /**
   * Refreshes a connection claimed by `claimDue`: the claim is the lease and the read under it, so
   * this goes straight to the provider call and the one fenced write (heartbeat and failure
   * handling as for every refresh). A claim that waited in the queue past half its lease is
   * renewed first; if it was lost meanwhile (the owner stalled past the lease and a sibling took
   * over), nothing is sent. In-process callers of `refresh` for the same connection coalesce.
   */
  refreshClaimed(claim: ClaimedConnection, progress: RefreshProgress = {}): Promise<RefreshOutcome> {
    const { connection: held, owner } = claim;
    const run = async (): Promise<RefreshOutcome> => {
      const t = this.#o.now().getTime();
      if (claim.leaseUntil.getTime() - t < this.#o.leaseMs / 2) {
        const until = new Date(t + this.#o.leaseMs);
        if (!(await this.#o.connections.renewLease(held.id, owner, until)))
          return { connection: await this.#read(held.id), refreshedHere: false };
      }
      const heartbeat = this.#heartbeat(held.id, owner);
      try {
        return await this.#callAndCommit(held.id, owner, held, claim, progress.onProviderAnswered);
      } finally {
        clearInterval(heartbeat);
      }
    };
    if (this.#inflight.has(held.id)) return run();
    const p = run().finally(() => this.#inflight.delete(held.id));
    this.#inflight.set(held.id, p);
    return p;
  }

  async #run(id: string, isFresh: (c: Connection, startVersion: number) => boolean): Promise<RefreshOutcome> {
    const { connections, now } = this.#o;
    const deadline = now().getTime() + this.#o.maxWaitMs;
    let delay = 25;
    let startVersion: number | undefined;
    for (;;) {
      const current = await this.#read(id);
      startVersion ??= current.version;
      if (isFresh(current, startVersion)) return { connection: current, refreshedHere: false };
      if (current.nextAttemptAt && current.nextAttemptAt > now()) {
        throw new ConsentryError('CONNECTION_COOLING_DOWN', {
          facts: { connection: id, retryAt: current.nextAttemptAt.toISOString() },
        });
      }
      const owner = `${this.#o.instanceId}:${randomUUID()}`;
      const t = now();
      if (await connections.tryAcquireLease(id, owner, new Date(t.getTime() + this.#o.leaseMs), t)) {
        return this.#refreshHolding(id, owner, startVersion, isFresh);
      }
      if (now().getTime() + delay > deadline)
        throw new ConsentryError('LEASE_TIMEOUT', { facts: { connection: id } });
      await sleep(delay);
      delay = Math.min(delay * 2, 250);
    }
  }

  async #read(id: string): Promise<Connection> {
    const c = await this.#o.connections.get(id);
    if (!c) throw new ConsentryError('CONNECTION_UNKNOWN', { facts: { connection: id } });
    if (c.status === 'needs_reauth') {
      throw new ConsentryError('CONNECTION_NEEDS_REAUTH', {
        detail: c.statusReason ?? '',
        facts: { connection: id },
      });
    }
    if (c.status === 'revoked') throw new ConsentryError('CONNECTION_REVOKED', { facts: { connection: id } });
    return c;
  }

  async #refreshHolding(
    id: string,
    owner: string,
    startVersion: number,
    isFresh: (c: Connection, startVersion: number) => boolean,
  ): Promise<RefreshOutcome> {
    const { connections } = this.#o;
    let held: Connection;
    try {
      // Re-read under the lease: a sibling may have refreshed between our read and our lease.
      held = await this.#read(id);
    } catch (e) {
      await connections.releaseLease(id, owner);
      throw e;
    }
    if (isFresh(held, startVersion)) {
      await connections.releaseLease(id, owner);
      return { connection: held, refreshedHere: false };
    }

    const heartbeat = this.#heartbeat(id, owner);
    try {
      return await this.#callAndCommit(id, owner, held);
    } finally {
      clearInterval(heartbeat);
    }
  }

  /** Keeps the lease ahead of the clock while this process works under it. */
  #heartbeat(id: string, owner: string): NodeJS.Timeout {
    const every = Math.max(50, Math.floor(this.#o.leaseMs / 3));
    const timer = setInterval(() => {
      const until = new Date(this.#o.now().getTime() + this.#o.leaseMs);
      void this.#o.connections.renewLease(id, owner, until).catch(() => {});
    }, every);
    timer.unref();
    return timer;
  }

  async #callAndCommit(
    id: string,
    owner: string,
    held: Connection,
    claim?: ClaimedConnection,
    onProviderAnswered?: () => void,
  ): Promise<RefreshOutcome> {
    const { connections, now } = this.#o;
    // A connection without a user has no refresh token by design (RFC 6749 §4.4.3): its grant is
    // run again under this same lease, and a missing refresh token never means needs_reauth.
    const regrants = held.grantType !== undefined && held.grantType !== 'authorization_code';
    const refreshToken = regrants
      ? undefined
      : claim
        ? claim.refreshToken
        : await connections.refreshTokenOf(id);
    if (!regrants && !refreshToken) {
      await connections.releaseLease(id, owner);
      throw new ConsentryError('CONNECTION_NO_REFRESH_TOKEN', { facts: { connection: id } });
    }
    let fields: TokenFields;
    try {
      fields = await this.#o.refresher(held, refreshToken, claim);
    } catch (e) {
      const error = isConsentryError(e) ? e : new ConsentryError('INTERNAL', { cause: e });
      return this.#settleFailure(id, owner, held, error, refreshToken);
    }
    onProviderAnswered?.();

    await this.#o.beforeCommit?.(held);
    const stored = await connections.commitRefresh(id, { version: held.version, owner }, fields, now());
    if (!stored) {
      // Our lease lapsed (a stalled process) and a sibling moved the row: theirs is the current token.
      return { connection: await this.#read(id), refreshedHere: false };
    }
    await this.#o.onRefreshed?.(stored);
    return { connection: stored, refreshedHere: true };
  }

  /**
   * Decides what a failed refresh means (issue 11) through the one classification and acts on
   * it: `grant_dead` (and an unknown refusal repeated UNKNOWN_REFUSAL_LIMIT times) → `needs_reauth`
   * with the named cause, after re-reading (a sibling may have rotated the refresh token);
   * `client_invalid` → the registered client is flagged and the connection backs off;
   * `transient` → keep the token, back off (at least until `Retry-After`; a 429 pauses the client).
   * Always throws (or returns a sibling's fresher connection).
   */
  async #settleFailure(
    id: string,
    owner: string,
    held: Connection,
    error: ConsentryError,
    refreshToken: string | undefined,
  ): Promise<RefreshOutcome> {
    const { connections, now } = this.#o;
    if (error.facts.paused === true) {
      // The client is refused or rate-limited: no token request was sent; the row is unchanged.
      await connections.releaseLease(id, owner);
      throw error;
    }
    const c: Classified = this.#o.classify
      ? this.#o.classify(held, error, refreshToken)
      : classifyRefusal(error, { provider: { key: held.providerKey, errors: [] }, stage: 'refresh' });
    const t = now();
    const repeated = c.kind === 'unknown_refusal' && sameRefusal(held.health, c);
    const attempts = repeated ? (held.health?.evidence.attempts ?? 0) + 1 : 1;
    if (c.kind === 'grant_dead' || (c.kind === 'unknown_refusal' && attempts >= UNKNOWN_REFUSAL_LIMIT)) {
      // Re-read first: if the version moved, a sibling rotated the refresh token — not a dead grant.
      const again = await connections.get(id);
      if (again && again.version !== held.version) {
        await connections.releaseLease(id, owner);
        return { connection: again, refreshedHere: false };
      }
      const health = healthOf(c, t, attempts);
      const reason = describeHealth(health);
      await connections.markNeedsReauth(id, { version: held.version }, reason, t, health);
      await this.#o.onNeedsReauth?.(held, reason, health);
      throw new ConsentryError('CONNECTION_NEEDS_REAUTH', {
        detail: reason,
        facts: { ...error.facts, cause: health.cause, connection: id },
        cause: error,
      });
    }
    const retryAfterMs = (c.retryAfterSeconds ?? 0) * 1000;
    const nextAttemptAt = new Date(t.getTime() + Math.max(backoffMs(held.failureCount), retryAfterMs));
    const health = healthOf(c, t, attempts, nextAttemptAt);
    if (c.kind === 'client_invalid') await this.#o.onClientRefused?.(held, health);
    if (c.cause === 'rate_limited') {
      // Provider-level: every connection of this client waits (every instance reads the pause).
      const until = new Date(t.getTime() + (retryAfterMs || DEFAULT_RATE_LIMIT_PAUSE_MS));
      await this.#o.onRateLimited?.(held, until, healthOf(c, t, attempts, until));
    }
    await connections.recordFailure(
      id,
      owner,
      { error: `${error.code}: ${describeHealth(health)}`.slice(0, 1000), nextAttemptAt, health },
      t,
    );
    await this.#o.onFailed?.(held, error, nextAttemptAt, health);
    if (c.kind === 'client_invalid') {
      throw new ConsentryError('CLIENT_REFUSED', {
        detail: describeHealth(health),
        facts: { ...error.facts, cause: health.cause, client: held.clientRef },
        cause: error,
      });
    }
    if (error.facts.cause === undefined) (error.facts as Record<string, unknown>).cause = health.cause;
    throw error;
  }
}
