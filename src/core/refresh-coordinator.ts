import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Connection } from '../domain/connection.ts';
import { ConsentryError, isConsentryError } from '../domain/errors.ts';
import type { ConnectionRepository, TokenFields } from '../storage/ports.ts';

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
 * - `invalid_grant`: re-read; only if the version is unchanged (nobody rotated the refresh token)
 *   mark `needs_reauth` with the reason. Transient failures keep the token and back off.
 */
export interface RefreshOutcome {
  connection: Connection;
  /** True when this call performed the provider request. */
  refreshedHere: boolean;
}

export type Refresher = (connection: Connection, refreshToken: string) => Promise<TokenFields>;

export interface CoordinatorOptions {
  connections: ConnectionRepository;
  refresher: Refresher;
  /** Identifies this process in lease_owner (debugging multi-instance setups). */
  instanceId?: string;
  leaseMs?: number;
  maxWaitMs?: number;
  now?: () => Date;
  onRefreshed?: (c: Connection) => void;
  onFailed?: (c: Connection, error: ConsentryError, nextAttemptAt: Date) => void;
  /** Awaited (the audit trail records the change before the caller hears of it). */
  onNeedsReauth?: (c: Connection, reason: string) => void | Promise<void>;
  /** Test hook: runs between the provider's answer and the write (crash suite). */
  beforeCommit?: (c: Connection) => Promise<void> | void;
}

/** Backoff after a transient failure: 5 s, 10 s, 20 s … capped at 15 min, with ±20 % jitter. */
export function backoffMs(failureCount: number): number {
  const base = Math.min(5_000 * 2 ** Math.max(0, failureCount), 15 * 60_000);
  return Math.round(base * (0.8 + Math.random() * 0.4));
}

export class RefreshCoordinator {
  readonly #o: Required<
    Omit<CoordinatorOptions, 'onRefreshed' | 'onFailed' | 'onNeedsReauth' | 'beforeCommit'>
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

  async #callAndCommit(id: string, owner: string, held: Connection): Promise<RefreshOutcome> {
    const { connections, now } = this.#o;
    const refreshToken = await connections.refreshTokenOf(id);
    if (!refreshToken) {
      await connections.releaseLease(id, owner);
      throw new ConsentryError('CONNECTION_NO_REFRESH_TOKEN', { facts: { connection: id } });
    }
    let fields: TokenFields;
    try {
      fields = await this.#o.refresher(held, refreshToken);
    } catch (e) {
      const error = isConsentryError(e) ? e : new ConsentryError('INTERNAL', { cause: e });
      if (error.facts.oauthError === 'invalid_grant') {
        // Re-read first: if the version moved, a sibling rotated the refresh token — not a dead grant.
        const again = await connections.get(id);
        if (again && again.version !== held.version) {
          await connections.releaseLease(id, owner);
          return { connection: again, refreshedHere: false };
        }
        const reason = `The provider refused the refresh token (invalid_grant) at ${now().toISOString()}; the user must reconnect.`;
        await connections.markNeedsReauth(id, { version: held.version }, reason, now());
        await this.#o.onNeedsReauth?.(held, reason);
        throw new ConsentryError('CONNECTION_NEEDS_REAUTH', {
          detail: reason,
          facts: error.facts,
          cause: error,
        });
      }
      const nextAttemptAt = new Date(now().getTime() + backoffMs(held.failureCount));
      await connections.recordFailure(
        id,
        owner,
        { error: `${error.code}: ${error.message}`, nextAttemptAt },
        now(),
      );
      this.#o.onFailed?.(held, error, nextAttemptAt);
      throw error;
    }

    await this.#o.beforeCommit?.(held);
    const stored = await connections.commitRefresh(id, { version: held.version, owner }, fields, now());
    const after = await this.#read(id);
    if (!stored) {
      // Our lease lapsed (a stalled process) and a sibling moved the row: theirs is the current token.
      return { connection: after, refreshedHere: false };
    }
    this.#o.onRefreshed?.(after);
    return { connection: after, refreshedHere: true };
  }
}
