import type { RegisteredClient } from '../domain/connection.ts';
import type { ProviderSession } from '../protocol/provider-session.ts';

/**
 * The registered client and its provider session (opened client secret or key, client
 * authentication, endpoints) kept between the background refresher's claimed refreshes (issue 11,
 * `refresher-throughput`): without it every refresh read the client, read and opened its secret
 * and built the session again — three of the ten statements a refresh used to cost.
 *
 * Safety of reuse:
 * - An entry is used only for a claim whose `clientStamp` (the client's `updated_at`, read in the
 *   claiming statement) equals the stamp the entry was built under: an administrator's edit (new
 *   secret, client id or template values — also what clears a `client_invalid` flag) moves
 *   `updated_at`, so the next claim builds the session afresh, from any instance.
 * - Only a client that was neither refused nor paused when read is kept, and the claim itself
 *   skips the connections of clients refused or paused at claim time (the flags live on the
 *   client row and are checked in the claiming statement); a refusal or rate limit met here drops
 *   the entry at once.
 * - Entries live at most `ttlMs` (default 60 s): a generated client secret (Apple's signed JWT)
 *   or a rotated discovery document is never kept for long.
 */
export class ClaimSessions {
  readonly #entries = new Map<
    string,
    {
      stamp: number;
      at: number;
      clientRef: string;
      value: { client: RegisteredClient; session: ProviderSession };
    }
  >();
  readonly #ttlMs: number;

  constructor(ttlMs = 60_000) {
    this.#ttlMs = ttlMs;
  }

  get(
    clientRef: string,
    tokenHost: string | undefined,
    stamp: number,
  ): { client: RegisteredClient; session: ProviderSession } | undefined {
    const entry = this.#entries.get(keyOf(clientRef, tokenHost));
    if (!entry || entry.stamp !== stamp || Date.now() - entry.at > this.#ttlMs) return undefined;
    return entry.value;
  }

  set(
    clientRef: string,
    tokenHost: string | undefined,
    stamp: number,
    value: { client: RegisteredClient; session: ProviderSession },
  ): void {
    if (this.#entries.size >= 1000) this.#entries.clear();
    this.#entries.set(keyOf(clientRef, tokenHost), { stamp, at: Date.now(), clientRef, value });
  }

  /** Drops every entry of a client (refused or rate-limited here). */
  forget(clientRef: string): void {
    for (const [key, entry] of this.#entries) if (entry.clientRef === clientRef) this.#entries.delete(key);
  }
}

const keyOf = (clientRef: string, tokenHost: string | undefined) => `${clientRef}\n${tokenHost ?? ''}`;
