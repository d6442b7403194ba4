import pThrottle from 'p-throttle';
import type { OAuth2Provider } from '../catalog/provider.ts';
import type { Connection } from '../domain/connection.ts';
import { isConsentryError } from '../domain/errors.ts';
import type { ClaimedConnection, ConnectionRepository } from '../storage/ports.ts';
import type { ConnectionEvent } from './consumers.ts';
import type { RefreshProgress } from './refresh-coordinator.ts';

/**
 * Keeps connections fresh without anyone asking (Group-Office: "tokens need to be refreshed
 * periodically. This happens automatically"). Runs in every instance; see docs/scale-out.md.
 *
 * - Due selection by index: `listDue` is a range scan of (status, expires_at) stopping at the
 *   batch size, so a sweep costs what is due, not what is stored.
 * - Due connections are claimed in batches (issue 11, `refresher-throughput`): one statement
 *   leases up to 256 due rows for this instance and returns them as read under the lease (the
 *   re-read of ARCHITECTURE.md "Keeping a token fresh", for the whole batch), so each refresh
 *   costs the provider call and ONE write fenced by version and lease owner (plus the read of the
 *   committed row) instead of about ten statements. Two instances sweeping at once never refresh
 *   one connection twice — a claimed row is leased, and neither the other's claim nor an
 *   `ensureFresh` can take it; a lease that runs out (a dead owner) is settled as abandoned.
 *   Clients that do not offer `claimDue` go through `ensureFresh` with the window as skew.
 * - Failures back off in the coordinator (`next_attempt_at`, 5 s doubling to 15 min) and
 *   `listDue` skips rows still cooling down or leased: a broken connection is not hammered.
 * - `invalid_grant` → `needs_reauth` only after re-reading (coordinator); the feature is told.
 * - Abandoned leases (the owner died between taking the lease and writing) are settled at once:
 *   the provider may already have rotated the refresh token, so the connection is refreshed now —
 *   it either refreshes fine or ends `needs_reauth` with the reason, instead of looking healthy.
 * - Bounded concurrency per provider: one slow or rate-limiting provider does not stall the others
 *   and is never sent more than `perProviderConcurrency` refreshes at once by one instance, nor
 *   more than `perProviderRatePerSecond` started per second (p-throttle), so a sweep does not
 *   cause the provider's 429 in the first place (issue 11).
 * - A client its provider refuses or rate-limits (a 429 here or on another instance) is skipped for
 *   the rest of the sweep, and `listDue` leaves its connections out until the pause ends.
 * - Refresh tokens with a known lifetime: close to their lapse they are renewed where the
 *   provider rotates them (a new refresh token gets a new lifetime), else the connection is
 *   flagged once (`lapsing` event) so the feature can ask its user to reconnect in time.
 */
export interface RefresherClient {
  ensureFresh(connection: string, options?: { skewSeconds?: number }): Promise<unknown>;
  refreshConnection(connection: string): Promise<unknown>;
  /**
   * The batch claim (OAuth2Client): due connections taken under one lease in one statement, then
   * refreshed one by one without a lease or read of their own. Without them, due connections are
   * listed and refreshed through `ensureFresh` (a lease and a read each).
   */
  claimDue?(before: Date, limit: number): Promise<ClaimedConnection[]>;
  refreshClaimed?(
    claim: ClaimedConnection,
    progress?: RefreshProgress,
  ): Promise<{ connection: Connection; refreshedHere: boolean }>;
}

/**
 * Due connections claimed per statement: big enough that the claim costs little per refresh,
 * small enough that a claimed row waits seconds, not its whole lease, for its turn.
 */
const CLAIM_CHUNK = 256;

export interface BackgroundRefresherOptions {
  client: RefresherClient;
  connections: ConnectionRepository;
  /** The provider entry of a key (rotation facts), undefined when unknown. */
  providerOf: (providerKey: string) => OAuth2Provider | undefined;
  /** Delivers health events to the outbox, listeners and the owning consumer (awaited). */
  emit: (event: ConnectionEvent) => Promise<void> | void;
  /** Between sweeps (jittered ±10 %); the first sweep waits one interval. Default 30 s. */
  intervalMs?: number;
  /** Refresh access tokens that expire within this window. Default 300 s. */
  windowSeconds?: number;
  /** Most connections handled per sweep (each of due and lapsing). Default 200. */
  batchSize?: number;
  /** Simultaneous refreshes per provider, per instance. Default 4. */
  perProviderConcurrency?: number;
  /** Refreshes started per second per provider, per instance (0: no limit). Default 25. */
  perProviderRatePerSecond?: number;
  /** Act on refresh tokens that lapse within this. Default 48 h. */
  lapseWindowMs?: number;
  now?: () => Date;
  log?: (level: 'debug' | 'info' | 'warn', facts: Record<string, unknown>, message: string) => void;
}

export interface SweepReport {
  /** Leases found expired with their owner still named (a crashed refresh). */
  abandoned: number;
  /** Of those, refreshed successfully (the others are in needs_reauth or failed). */
  recovered: number;
  due: number;
  /** Due connections whose version moved (refreshed here or by a sibling instance). */
  refreshed: number;
  failed: number;
  needsReauth: number;
  lapsing: number;
  renewedBeforeLapse: number;
  warned: number;
}

export class BackgroundRefresher {
  readonly #o: Required<Omit<BackgroundRefresherOptions, 'log'>> & Pick<BackgroundRefresherOptions, 'log'>;
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<SweepReport> | undefined;
  #stopped = true;

  constructor(options: BackgroundRefresherOptions) {
    this.#o = {
      intervalMs: 30_000,
      windowSeconds: 300,
      batchSize: 200,
      perProviderConcurrency: 4,
      perProviderRatePerSecond: 25,
      lapseWindowMs: 48 * 3600_000,
      now: () => new Date(),
      ...options,
    };
  }

  start(): void {
    if (!this.#stopped) return;
    this.#stopped = false;
    this.#schedule();
  }

  /** Stops the timer and waits for a sweep in progress to finish. */
  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
    await this.#running?.catch(() => {});
  }

  #schedule(): void {
    if (this.#stopped) return;
    const delay = Math.round(this.#o.intervalMs * (0.9 + Math.random() * 0.2));
    this.#timer = setTimeout(() => {
      void this.sweep()
        .catch((e) => this.#o.log?.('warn', { error: errorCode(e) }, 'background refresh sweep failed'))
        .finally(() => this.#schedule());
    }, delay);
    this.#timer.unref();
  }

  /** One pass: due access tokens, then refresh tokens about to lapse. Never two at once. */
  sweep(): Promise<SweepReport> {
    this.#running ??= this.#sweep().finally(() => {
      this.#running = undefined;
    });
    return this.#running;
  }

  async #sweep(): Promise<SweepReport> {
    const { connections, windowSeconds, batchSize, now } = this.#o;
    this.#pausedClients.clear();
    const report: SweepReport = {
      abandoned: 0,
      recovered: 0,
      due: 0,
      refreshed: 0,
      failed: 0,
      needsReauth: 0,
      lapsing: 0,
      renewedBeforeLapse: 0,
      warned: 0,
    };
    const abandoned = await connections.listAbandoned(now(), batchSize);
    report.abandoned = abandoned.length;
    await this.#perProvider(abandoned, async (c) => {
      const after = await this.#renew(c);
      if (after?.status === 'needs_reauth') report.needsReauth++;
      else if (after && after.version > c.version) report.recovered++;
      else report.failed++;
    });

    const t = now();
    const before = new Date(t.getTime() + windowSeconds * 1000);
    const failed = (c: Connection, e: unknown) => {
      if (isConsentryError(e, 'CONNECTION_NEEDS_REAUTH')) report.needsReauth++;
      else report.failed++;
      if (
        isConsentryError(e, 'CLIENT_REFUSED') ||
        isConsentryError(e, 'PROVIDER_RATE_LIMITED') ||
        (isConsentryError(e) && e.facts.cause === 'rate_limited')
      )
        this.#pausedClients.add(c.clientRef);
      this.#o.log?.('debug', { connection: c.id, error: errorCode(e) }, 'background refresh did not succeed');
    };
    if (this.#o.client.claimDue && this.#o.client.refreshClaimed) {
      await this.#refreshClaimedStream(before, report, failed);
    } else {
      const due = await connections.listDue(before, t, batchSize);
      report.due = due.length;
      await this.#perProvider(due, async (c) => {
        try {
          await this.#o.client.ensureFresh(c.id, { skewSeconds: windowSeconds });
          const after = await connections.get(c.id);
          if (after && after.version > c.version) report.refreshed++;
        } catch (e) {
          failed(c, e);
        }
      });
    }

    const horizon = new Date(now().getTime() + this.#o.lapseWindowMs);
    const lapsing = await connections.listLapsing(horizon, now(), batchSize);
    report.lapsing = lapsing.length;
    await this.#perProvider(lapsing, async (c) => {
      let current: Connection | undefined = c;
      if (this.#o.providerOf(c.providerKey)?.refreshToken.rotates !== false) {
        // A rotating provider issues a new refresh token with a new lifetime: renew now.
        current = await this.#renew(c);
        if (current?.refreshExpiresAt && current.refreshExpiresAt > horizon) {
          report.renewedBeforeLapse++;
          return;
        }
      }
      if (current?.status !== 'active' || !current.refreshExpiresAt) return;
      // Only the reconnect helps now: warn once (every instance sweeps; one wins the marker).
      if (await connections.markLapseWarned(current.id, current.refreshExpiresAt, now())) {
        report.warned++;
        await this.#o.emit({
          type: 'lapsing',
          connectionId: current.id,
          purpose: current.purpose,
          refreshExpiresAt: current.refreshExpiresAt,
        });
      }
    });
    if (report.abandoned || report.due || report.lapsing)
      this.#o.log?.('info', { ...report }, 'background refresh sweep');
    return report;
  }

  /**
   * The due connections, claimed in chunks (one statement each) and refreshed as a stream: the
   * next chunk is claimed while the current one is still being refreshed (when fewer than half a
   * chunk wait), so the provider never waits for a claim; and a lane takes its next connection as
   * soon as the provider has answered with tokens, while they are committed (`onProviderAnswered`;
   * a refusal is settled first, as it may pause the client for every lane) — the
   * per-provider concurrency bounds the requests in flight to the provider, which is what it is
   * for, and a slow database does not slow the calls to the provider (issue 11). The sweep ends
   * when every claimed connection is settled (committed, failed or released).
   */
  async #refreshClaimedStream(
    before: Date,
    report: SweepReport,
    failed: (c: Connection, e: unknown) => void,
  ): Promise<void> {
    const client = this.#o.client;
    const { connections, batchSize, perProviderConcurrency: concurrency } = this.#o;
    const rate = this.#o.perProviderRatePerSecond;
    // A whole number: the claim's LIMIT (the rate may be fractional — 0.7 × 10 is 7.000000000000001).
    const chunk =
      rate > 0 ? Math.min(CLAIM_CHUNK, Math.max(concurrency, Math.round(rate * 10))) : CLAIM_CHUNK;
    type Lane = { items: ClaimedConnection[]; running: number; pace: (() => unknown) | undefined };
    const byProvider = new Map<string, Lane>();
    const lanes: Promise<void>[] = [];
    const settling: Promise<void>[] = [];
    let waiting = 0;
    let room: (() => void) | undefined;

    const refreshOne = async (claim: ClaimedConnection) => {
      let answered!: () => void;
      const providerAnswered = new Promise<void>((resolve) => {
        answered = resolve;
      });
      const outcome = client.refreshClaimed!.call(client, claim, { onProviderAnswered: answered }).then(
        (o) => {
          if (o.refreshedHere || o.connection.version > claim.connection.version) report.refreshed++;
        },
        (e: unknown) => failed(claim.connection, e),
      );
      settling.push(outcome);
      await Promise.race([providerAnswered, outcome]);
    };
    const runLane = async (lane: Lane) => {
      try {
        for (let claim = lane.items.shift(); claim; claim = lane.items.shift()) {
          waiting--;
          if (waiting < chunk / 2) room?.();
          const { clientRef } = claim.connection;
          if (!this.#pausedClients.has(clientRef) && lane.pace) await lane.pace();
          if (this.#pausedClients.has(clientRef)) {
            // Its client was refused or rate-limited meanwhile: let go of it, no request.
            await connections.releaseLease(claim.connection.id, claim.owner).catch(() => {});
            continue;
          }
          await refreshOne(claim);
        }
      } finally {
        lane.running--;
        // Should a lane ever stop early, the claimer wakes and starts lanes for what is left.
        room?.();
      }
    };

    for (let left = batchSize; left > 0; ) {
      if (waiting >= chunk / 2) {
        await new Promise<void>((resolve) => {
          room = resolve;
        });
        room = undefined;
      }
      const claims = await client.claimDue!.call(client, before, Math.min(left, chunk));
      if (claims.length === 0) break;
      left -= claims.length;
      report.due += claims.length;
      waiting += claims.length;
      for (const claim of claims) {
        const key = claim.connection.providerKey;
        let lane: Lane | undefined = byProvider.get(key);
        if (!lane) {
          lane = { items: [], running: 0, pace: pacer(rate) };
          byProvider.set(key, lane);
        }
        lane.items.push(claim);
      }
      for (const lane of byProvider.values()) {
        // Each running lane has one request in flight: what waits gets new lanes, up to the limit.
        for (let spare = Math.min(concurrency - lane.running, lane.items.length); spare > 0; spare--) {
          lane.running++;
          lanes.push(runLane(lane));
        }
      }
    }
    await Promise.all(lanes);
    await Promise.all(settling);
  }

  /**
   * Forces one refresh unless a sibling already moved the token: `ensureFresh` with a skew just
   * past the access token's current expiry refreshes it now, yet an instance that finds a newer
   * token (a later expiry) stops there — no second provider call. A rotating provider issues the
   * access and refresh tokens together, so a refresh token near its lapse comes with an access
   * token as old as it is: the sibling's new expiry is later by that age, far past the 1 s margin.
   */
  async #renew(c: Connection): Promise<Connection | undefined> {
    try {
      if (c.expiresAt) {
        const skew = Math.max(0, Math.ceil((c.expiresAt.getTime() - this.#o.now().getTime()) / 1000) + 1);
        await this.#o.client.ensureFresh(c.id, { skewSeconds: skew });
      } else {
        await this.#o.client.refreshConnection(c.id);
      }
    } catch (e) {
      this.#o.log?.('debug', { connection: c.id, error: errorCode(e) }, 'renewal before lapse failed');
    }
    return this.#o.connections.get(c.id);
  }

  /**
   * Runs `work` over the connections, per provider at most `perProviderConcurrency` at once and
   * `perProviderRatePerSecond` started per second; connections of a client found refused or
   * rate-limited during the pass are skipped.
   */
  async #perProvider<T = Connection>(
    list: T[],
    work: (item: T) => Promise<void>,
    skipped: (item: T) => Promise<void> = async () => {},
    connectionOf: (item: T) => Connection = (item) => item as Connection,
  ): Promise<void> {
    const groups = new Map<string, T[]>();
    for (const item of list) {
      const key = connectionOf(item).providerKey;
      const group = groups.get(key);
      if (group) group.push(item);
      else groups.set(key, [item]);
    }
    const rate = this.#o.perProviderRatePerSecond;
    await Promise.all(
      [...groups.values()].map(async (queue) => {
        const pace = pacer(rate);
        let next = 0;
        const lanes = Array.from(
          { length: Math.min(this.#o.perProviderConcurrency, queue.length) },
          async () => {
            while (next < queue.length) {
              const item = queue[next++]!;
              const { clientRef } = connectionOf(item);
              if (!this.#pausedClients.has(clientRef) && pace) await pace();
              if (this.#pausedClients.has(clientRef)) {
                await skipped(item).catch(() => {});
                continue;
              }
              await work(item);
            }
          },
        );
        await Promise.all(lanes);
      }),
    );
  }

  /** Clients refused or rate-limited during the current sweep. */
  readonly #pausedClients = new Set<string>();
}

/**
 * One provider's request pacing at `rate` per second (none at 0): spacing starts evenly (limit 1
 * per 1000/rate ms) rather than in bursts of `rate`.
 */
function pacer(rate: number): (() => unknown) | undefined {
  return rate > 0
    ? pThrottle({ limit: 1, interval: Math.max(1, Math.round(1000 / rate)) })(() => {})
    : undefined;
}

function errorCode(e: unknown): string {
  return isConsentryError(e) ? e.code : e instanceof Error ? e.name : 'unknown';
}
