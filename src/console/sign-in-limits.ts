import { createHash } from 'node:crypto';
import ipaddr from 'ipaddr.js';
import type { AuthFailureRepository, AuthFailureWindow } from '../storage/provider-role.ports.ts';

/**
 * Console password sign-in limits (issue 10, finding 5), counted in the database so every
 * instance shares them — the same `auth_failures` windows the provider role's client
 * authentication uses (src/authserver/failure-limiter.ts), under their own keys.
 *
 * Three budgets, each a fixed window that ends `windowMs` after its first failure:
 * - per (account, address): 10 failures. The account is the email as typed, normalized
 *   (Unicode NFKC, trimmed, lower case), so case and whitespace variants are one account.
 * - per address: 30 failures, whatever account (an address spraying many accounts).
 * - per account, across all addresses (the ceiling on distributed guessing): 100 failures. Once
 *   reached it refuses only addresses that have already failed for that account in the window, so
 *   nobody can lock an administrator out from another address: the administrator's own address
 *   has no failures and still gets in; a distributed guesser gets at most one try per address.
 *
 * IPv6 addresses count per /64 (one subscriber holds a whole /64). Nothing lives in process memory,
 * so no amount of flooding clears a window, and N instances do not grant N× the guesses.
 * A successful sign-in clears only its own (account, address) count.
 */
export interface SignInBudgets {
  perAccountAddress: number;
  perAddress: number;
  perAccount: number;
  windowMs: number;
  /** Public flow starts (`GET /sign-in/with/<client>`) per address and window (finding 7). */
  flowStartsPerAddress: number;
  flowStartWindowMs: number;
}

export const DEFAULT_SIGN_IN_BUDGETS: SignInBudgets = {
  perAccountAddress: 10,
  perAddress: 30,
  perAccount: 100,
  windowMs: 15 * 60 * 1000,
  flowStartsPerAddress: 30,
  flowStartWindowMs: 60 * 1000,
};

export function normalizeAccount(email: string): string {
  return email.normalize('NFKC').trim().toLowerCase();
}

/** An address as it is counted: IPv4 as is, IPv6 by its /64, IPv4-mapped IPv6 as IPv4. */
export function normalizeAddress(address: string): string {
  if (!ipaddr.isValid(address)) return address;
  const ip = ipaddr.process(address);
  if (ip.kind() === 'ipv4') return ip.toString();
  const bytes = ip.toByteArray().slice(0, 8);
  return `${ipaddr.fromByteArray([...bytes, 0, 0, 0, 0, 0, 0, 0, 0]).toString()}/64`;
}

const keyOf = (...parts: string[]) =>
  createHash('sha256')
    .update(['console-sign-in', ...parts].join('\u0000'))
    .digest('base64url');

export class SignInLimits {
  readonly #budgets: SignInBudgets;

  constructor(
    private readonly repository: AuthFailureRepository,
    budgets: Partial<SignInBudgets> = {},
    private readonly now: () => number = Date.now,
  ) {
    this.#budgets = { ...DEFAULT_SIGN_IN_BUDGETS, ...budgets };
  }

  #keys(email: string, address: string) {
    const account = normalizeAccount(email);
    const addr = normalizeAddress(address);
    return {
      pair: keyOf('pair', account, addr),
      address: keyOf('address', addr),
      account: keyOf('account', account),
    };
  }

  /** Seconds to wait before this (account, address) may try again; 0 when it may try now. */
  async retryAfter(email: string, address: string): Promise<number> {
    const now = this.now();
    const k = this.#keys(email, address);
    const windows = new Map(
      (await this.repository.read([k.pair, k.address, k.account], now)).map((w) => [w.key, w]),
    );
    const b = this.#budgets;
    const pair = windows.get(k.pair);
    const spent: (AuthFailureWindow | undefined)[] = [];
    if (pair && pair.failures >= b.perAccountAddress) spent.push(pair);
    const addr = windows.get(k.address);
    if (addr && addr.failures >= b.perAddress) spent.push(addr);
    const account = windows.get(k.account);
    // The ceiling refuses only addresses that already failed for this account (see above).
    if (account && account.failures >= b.perAccount && pair && pair.failures > 0) spent.push(account);
    const ends = spent.map((w) => w!.windowEndsAt - now).filter((ms) => ms > 0);
    return ends.length ? Math.ceil(Math.max(...ends) / 1000) : 0;
  }

  async recordFailure(email: string, address: string): Promise<void> {
    const k = this.#keys(email, address);
    const windowMs = this.#budgets.windowMs;
    await this.repository.record(
      [k.pair, k.address, k.account].map((key) => ({ key, windowMs })),
      this.now(),
    );
  }

  /**
   * Counts one anonymous flow start from `address` (each costs a flow row and possibly an outbound
   * discovery request). Returns the seconds to wait when the address is over its budget, else 0.
   */
  async takeFlowStart(address: string): Promise<number> {
    const now = this.now();
    const key = keyOf('flow-start', normalizeAddress(address));
    const [w] = await this.repository.record([{ key, windowMs: this.#budgets.flowStartWindowMs }], now);
    if (w && w.failures > this.#budgets.flowStartsPerAddress)
      return Math.max(1, Math.ceil((w.windowEndsAt - now) / 1000));
    return 0;
  }

  async recordSuccess(email: string, address: string): Promise<void> {
    await this.repository.clear(this.#keys(email, address).pair);
  }
}
