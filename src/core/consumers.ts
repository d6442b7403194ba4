import type { Connection } from '../domain/connection.ts';
import { ConsentryError } from '../domain/errors.ts';
import type { OAuth2Token } from '../domain/token.ts';

/**
 * How a feature receives its token (seed 004's OAuth2Consumer): a purpose key, and
 * `onTokenGranted`, which returns the same-site path to send the user to.
 *
 * The core has already stored the connection (sealed) when `onTokenGranted` runs; the consumer
 * keeps `connection.id` against its own record (a mailbox account, a calendar) and later calls
 * `client.ensureFresh(connectionId)` to get a valid access token.
 */
export interface OAuth2Consumer {
  readonly purpose: string;
  onTokenGranted(
    token: OAuth2Token,
    payload: Record<string, unknown>,
    context: GrantContext,
  ): Promise<string> | string;
  /** Health of the connections this consumer owns: refreshed, failed, needs re-consent. */
  onConnectionEvent?(event: ConnectionEvent): Promise<void> | void;
  /**
   * False for sign-in style consumers: the token is handed over and nothing is stored
   * (no refresh token is kept for sign-in alone). Default true.
   */
  readonly keepsConnection?: boolean;
}

export interface GrantContext {
  /** The stored connection (undefined when `keepsConnection` is false). */
  connection: Connection | undefined;
  /** The browser session that started the flow (hash), for consumers that sign people in. */
  sessionHash: string;
  /** The catalog key of the provider that granted the token (sign-in refuses some providers). */
  providerKey?: string | undefined;
  /**
   * Who consented, for OpenID providers: the validated ID-token claims completed from UserInfo
   * (same subject). Sign-in consumers match local users with it (issue 7).
   */
  profile?: Record<string, unknown> | undefined;
}

export type ConnectionEvent =
  | { type: 'refreshed'; connectionId: string; purpose: string; expiresAt: Date | undefined }
  | { type: 'refresh_failed'; connectionId: string; purpose: string; error: string; nextAttemptAt: Date }
  | { type: 'needs_reauth'; connectionId: string; purpose: string; reason: string }
  /**
   * Scale-out (background refresher): the refresh token reaches its documented lifetime at
   * `refreshExpiresAt` and renewing cannot extend it — ask the user to reconnect before then.
   */
  | { type: 'lapsing'; connectionId: string; purpose: string; refreshExpiresAt: Date };

/** Consumers by purpose. A purpose registered twice is an error, not a silent overwrite. */
export class ConsumerRegistry {
  readonly #byPurpose = new Map<string, OAuth2Consumer>();

  constructor(consumers: readonly OAuth2Consumer[] = []) {
    for (const c of consumers) this.register(c);
  }

  register(consumer: OAuth2Consumer): this {
    if (!/^[a-z][a-z0-9_.-]{0,63}$/.test(consumer.purpose)) {
      throw new ConsentryError('CONSUMER_UNKNOWN', { detail: `Invalid purpose key “${consumer.purpose}”.` });
    }
    if (this.#byPurpose.has(consumer.purpose)) {
      throw new ConsentryError('CONSUMER_DUPLICATE', { facts: { purpose: consumer.purpose } });
    }
    this.#byPurpose.set(consumer.purpose, consumer);
    return this;
  }

  get(purpose: string): OAuth2Consumer {
    const c = this.#byPurpose.get(purpose);
    if (!c) throw new ConsentryError('CONSUMER_UNKNOWN', { facts: { purpose } });
    return c;
  }

  has(purpose: string): boolean {
    return this.#byPurpose.has(purpose);
  }

  all(): OAuth2Consumer[] {
    return [...this.#byPurpose.values()];
  }
}
