/**
 * Slows password guessing: after `limit` failures for one email (or one address) within the
 * window, further attempts are refused until the window passes. In memory, per process — enough
 * for a console with a handful of administrators; scrypt already makes each guess expensive.
 */
export class SignInThrottle {
  readonly #failures = new Map<string, number[]>();
  constructor(
    readonly limit = 10,
    readonly windowMs = 15 * 60 * 1000,
    readonly now: () => number = Date.now,
  ) {}

  blocked(...keys: string[]): boolean {
    return keys.some((k) => this.#recent(k).length >= this.limit);
  }

  fail(...keys: string[]): void {
    for (const k of keys) this.#failures.set(k, [...this.#recent(k), this.now()]);
    if (this.#failures.size > 10_000) this.#failures.clear();
  }

  succeed(...keys: string[]): void {
    for (const k of keys) this.#failures.delete(k);
  }

  #recent(key: string): number[] {
    const since = this.now() - this.windowMs;
    return (this.#failures.get(key) ?? []).filter((t) => t > since);
  }
}
