import { createHash } from 'node:crypto';
import type { AuthFailureRepository, AuthFailureWindow } from '../storage/provider-role.ports.ts';

/**
 * Rate limit for FAILED client authentication, shared by every instance through the database.
 *
 * Two budgets: one per (client id, address) and one per address. A guesser at one address
 * exhausts its own budgets only: the same client calling from elsewhere, and every other client,
 * keep working — there is deliberately no budget per client id alone, which would let anyone who
 * knows a client id lock that client out. A success clears the pair's count. Windows are fixed:
 * they end `windowMs` after their first failure.
 *
 * Cost: a successful authentication does no I/O. The counts live in the `auth_failures` table and
 * are written only by failures (one upsert counting both budgets); each instance mirrors in memory
 * the windows it has learned — from its own failures, and from a periodic sync of the windows
 * near or past a limit — so a spent budget is refused before the secret is even looked at, with
 * no database read. A success reads the shared windows only when this instance has seen failures
 * for that pair or address (the rare path), to refuse a budget another instance spent and to
 * clear the pair. The one gap: until the next sync (`syncIntervalMs`), an instance that has seen
 * no failure for an address accepts a RIGHT secret there while another instance has locked it —
 * wrong secrets are always counted and refused against the shared counts.
 */
export interface FailureBudget {
  limit: number;
  windowMs: number;
}

export interface FailureLimiterOptions {
  perClientAddress?: FailureBudget;
  perAddress?: FailureBudget;
  /** Bound of the in-memory mirror, so a flood of addresses cannot grow memory. */
  maxEntries?: number;
  /** How often the mirror learns the windows other instances filled, and ended rows are swept. */
  syncIntervalMs?: number;
}

interface Window {
  failures: number;
  windowEndsAt: number;
}

interface Budgeted {
  key: string;
  budget: FailureBudget;
}

export class FailureLimiter {
  private readonly known = new Map<string, Window>();
  private readonly perPair: FailureBudget;
  private readonly perAddress: FailureBudget;
  private readonly maxEntries: number;
  private readonly syncIntervalMs: number;
  private timer: NodeJS.Timeout | undefined;
  private syncs = 0;

  constructor(
    private readonly repository: AuthFailureRepository,
    options: FailureLimiterOptions = {},
    private readonly now: () => number = Date.now,
  ) {
    this.perPair = options.perClientAddress ?? { limit: 10, windowMs: 60_000 };
    this.perAddress = options.perAddress ?? { limit: 50, windowMs: 60_000 };
    this.maxEntries = options.maxEntries ?? 50_000;
    this.syncIntervalMs = options.syncIntervalMs ?? 2_000;
  }

  /**
   * Memory only: seconds to wait when a budget this instance knows of is spent, else 0.
   * Asked BEFORE the secret is checked. Nothing to hash while no failure is known (the usual case).
   */
  knownRetryAfter(clientId: string | undefined, address: string, now: number): number {
    if (this.known.size === 0) return 0;
    return this.retryAfter(this.budgets(clientId, address), (key) => this.known.get(key), now);
  }

  /**
   * Counts a failed authentication in both budgets (the address alone when no client id was
   * presented). Returns the seconds to wait when a budget was already spent — possibly by another
   * instance — else 0.
   */
  async recordFailure(clientId: string | undefined, address: string, now: number): Promise<number> {
    const budgets = this.budgets(clientId, address);
    const after = await this.repository.record(
      budgets.map(({ key, budget }) => ({ key, windowMs: budget.windowMs })),
      now,
    );
    this.learn(after, now);
    const byKey = new Map(after.map((w) => [w.key, w]));
    // Over the limit (not at it): the failure that reaches the limit is still answered 401.
    return this.retryAfter(budgets, (key) => byKey.get(key), now, 1);
  }

  /** True when a success must consult the shared windows: this instance has seen failures there. */
  needsCheck(clientId: string, address: string): boolean {
    if (this.known.size === 0) return false;
    return this.budgets(clientId, address).some(({ key }) => this.known.has(key));
  }

  /**
   * After a right secret for a pair or address with known failures: the seconds to wait when a
   * budget is spent (the secret is refused like any other attempt), else clears the pair's count.
   */
  async checkSuccess(clientId: string, address: string, now: number): Promise<number> {
    const budgets = this.budgets(clientId, address);
    const current = await this.repository.read(
      budgets.map((b) => b.key),
      now,
    );
    const byKey = new Map(current.map((w) => [w.key, w]));
    const wait = this.retryAfter(budgets, (key) => byKey.get(key), now);
    if (wait > 0) {
      this.learn(current, now);
      return wait;
    }
    const pair = budgets[0]!.key;
    if (byKey.has(pair)) await this.repository.clear(pair);
    // Not spent: forget both, so this client's next successes do no I/O again (the sync re-learns
    // the address if its failures reach a limit's level).
    for (const { key } of budgets) this.known.delete(key);
    return 0;
  }

  /** Learns the windows at or near a limit that any instance filled; sweeps ended rows now and then. */
  async sync(now = this.now()): Promise<void> {
    for (const [key, w] of this.known) if (w.windowEndsAt <= now) this.known.delete(key);
    const min = Math.min(this.perPair.limit, this.perAddress.limit);
    this.learn(await this.repository.atLeast(min, now, Math.floor(this.maxEntries / 2)), now);
    if (this.syncs++ % 15 === 0) await this.repository.deleteEnded(now);
  }

  start(): void {
    this.timer ??= setInterval(() => {
      // A failed sync only delays what this instance learns; the next one retries.
      this.sync().catch(() => {});
    }, this.syncIntervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** The pair's budget first (when a client id was presented), then the address's. */
  private budgets(clientId: string | undefined, address: string): Budgeted[] {
    const addressBudget = { key: budgetKey('address', address), budget: this.perAddress };
    if (clientId === undefined) return [addressBudget];
    return [{ key: budgetKey('pair', clientId, address), budget: this.perPair }, addressBudget];
  }

  private retryAfter(
    budgets: Budgeted[],
    windowOf: (key: string) => Window | undefined,
    now: number,
    over = 0,
  ): number {
    let wait = 0;
    for (const { key, budget } of budgets) {
      const w = windowOf(key);
      if (w && w.windowEndsAt > now && w.failures >= budget.limit + over)
        wait = Math.max(wait, Math.ceil((w.windowEndsAt - now) / 1000));
    }
    return wait;
  }

  private learn(windows: readonly AuthFailureWindow[], now: number): void {
    for (const w of windows) {
      if (w.windowEndsAt <= now) continue;
      this.known.delete(w.key);
      this.known.set(w.key, { failures: w.failures, windowEndsAt: w.windowEndsAt });
    }
    if (this.known.size > this.maxEntries) this.evict(now);
  }

  /** Drops ended windows, then the oldest learned until a tenth of the room is free. */
  private evict(now: number): void {
    for (const [k, w] of this.known) if (w.windowEndsAt <= now) this.known.delete(k);
    const target = Math.floor(this.maxEntries * 0.9);
    for (const k of this.known.keys()) {
      if (this.known.size <= target) break;
      this.known.delete(k);
    }
  }
}

/** The stored key: a hash, since the client id is whatever the caller sent (any length, any bytes). */
function budgetKey(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('base64url');
}
