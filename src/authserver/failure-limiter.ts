/**
 * Rate limit for FAILED client authentication, in memory, per process.
 *
 * Two budgets: one per (client id, address) and one per address. A guesser at one address
 * exhausts its own budgets only: the same client calling from elsewhere, and every other client,
 * keep working — there is deliberately no budget per client id alone, which would let anyone who
 * knows a client id lock that client out. Successful authentication clears the pair's count.
 * Entries are fixed windows and the maps are bounded, so a flood of addresses cannot grow memory.
 */
export interface FailureBudget {
  limit: number;
  windowMs: number;
}

export interface FailureLimiterOptions {
  perClientAddress?: FailureBudget;
  perAddress?: FailureBudget;
  maxEntries?: number;
}

interface Window {
  count: number;
  resetAt: number;
}

export class FailureLimiter {
  private readonly pairs = new Map<string, Window>();
  private readonly addresses = new Map<string, Window>();
  private readonly perPair: FailureBudget;
  private readonly perAddress: FailureBudget;
  private readonly maxEntries: number;

  constructor(options: FailureLimiterOptions = {}) {
    this.perPair = options.perClientAddress ?? { limit: 10, windowMs: 60_000 };
    this.perAddress = options.perAddress ?? { limit: 50, windowMs: 60_000 };
    this.maxEntries = options.maxEntries ?? 50_000;
  }

  /** Seconds to wait when a budget is spent, else 0. Checked BEFORE the secret is looked at. */
  retryAfter(clientId: string | undefined, address: string, now = Date.now()): number {
    const blocked = (w: Window | undefined, budget: FailureBudget) =>
      w && w.resetAt > now && w.count >= budget.limit ? Math.ceil((w.resetAt - now) / 1000) : 0;
    const pair =
      clientId === undefined ? 0 : blocked(this.pairs.get(pairKey(clientId, address)), this.perPair);
    return Math.max(pair, blocked(this.addresses.get(address), this.perAddress));
  }

  recordFailure(clientId: string | undefined, address: string, now = Date.now()): void {
    if (clientId !== undefined) this.bump(this.pairs, pairKey(clientId, address), this.perPair, now);
    this.bump(this.addresses, address, this.perAddress, now);
  }

  recordSuccess(clientId: string, address: string): void {
    this.pairs.delete(pairKey(clientId, address));
  }

  private bump(map: Map<string, Window>, key: string, budget: FailureBudget, now: number): void {
    const w = map.get(key);
    if (w && w.resetAt > now) {
      w.count++;
      return;
    }
    map.delete(key);
    map.set(key, { count: 1, resetAt: now + budget.windowMs });
    if (map.size > this.maxEntries) this.evict(map, now);
  }

  /** Drops ended windows, then the oldest (insertion order) until a tenth of the room is free. */
  private evict(map: Map<string, Window>, now: number): void {
    for (const [k, w] of map) if (w.resetAt <= now) map.delete(k);
    const target = Math.floor(this.maxEntries * 0.9);
    for (const k of map.keys()) {
      if (map.size <= target) break;
      map.delete(k);
    }
  }
}

const pairKey = (clientId: string, address: string) => `${clientId}\u0000${address}`;
