import type { Connection } from '../domain/connection.ts';
import type { HealthCause, HealthEvidence } from '../domain/connection-health.ts';
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
  /**
   * Opt in to reconnect outreach (issue 11): when one of this consumer's connections ends in
   * `needs_reauth`, its end user gets a signed, single-use, expiring reconnect link — by email to
   * `recipient(connection)` through SMTP_URL, or handed to `deliver` — that brings the same
   * connection id back. See src/core/reconnect-outreach.ts.
   */
  readonly reconnectOutreach?: import('./reconnect-outreach.ts').ReconnectOutreachOptIn;
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
  /**
   * A refresh failed and will be retried at `nextAttemptAt` (`provider_unavailable`,
   * `rate_limited`, `client_invalid`, or an unrecognised refusal `refused` not yet repeated enough).
   */
  | {
      type: 'refresh_failed';
      connectionId: string;
      purpose: string;
      error: string;
      nextAttemptAt: Date;
      cause: HealthCause;
      evidence: HealthEvidence;
    }
  /** No further token request until a reconnect; `reason` is one line for people. */
  | {
      type: 'needs_reauth';
      connectionId: string;
      purpose: string;
      reason: string;
      cause: HealthCause;
      evidence: HealthEvidence;
    }
  /**
   * The provider refused the registered client's credentials while refreshing this connection:
   * the client is flagged and every connection of it pauses (sent once, when the flag is set).
   */
  | {
      type: 'client_invalid';
      connectionId: string;
      purpose: string;
      clientRef: string;
      cause: 'client_invalid';
      evidence: HealthEvidence;
    }
  /** A reconnect brought another account (iss/sub or the provider's account id): nothing changed. */
  | { type: 'reconnect_refused'; connectionId: string; purpose: string; cause: 'account_mismatch' }
  /** A reconnect link was created for the connection's end user (sent by email or handed over). */
  | {
      type: 'outreach_created';
      connectionId: string;
      purpose: string;
      outreachId: string;
      channel: 'email' | 'link';
      expiresAt: Date;
    }
  /** A reconnect brought the connection back to `active` (through a link, the console or the API). */
  | { type: 'reconnected'; connectionId: string; purpose: string; outreachId?: string | undefined }
  /**
   * Scale-out (background refresher): the refresh token reaches its documented lifetime at
   * `refreshExpiresAt` and renewing cannot extend it — ask the user to reconnect before then.
   */
  | { type: 'lapsing'; connectionId: string; purpose: string; refreshExpiresAt: Date }
  /** Lifecycle (issue 13): a new connection stored by the callback, or one reconnected. */
  | { type: 'created'; connectionId: string; purpose: string }
  | { type: 'reconnected'; connectionId: string; purpose: string }
  /** Revoked at the provider (where it can) and marked revoked; `atProvider` tells which. */
  | { type: 'revoked'; connectionId: string; purpose: string; atProvider: boolean }
  | { type: 'deleted'; connectionId: string; purpose: string };

/**
 * Health of a registered client (issue 11), on `OAuth2Client.events` as `client`:
 * `client_invalid` once when the provider starts refusing its credentials (its connections pause
 * until an administrator updates it); `rate_limited` when the provider asks every instance to wait.
 */
export type ClientEvent =
  | {
      type: 'client_invalid';
      clientRef: string;
      providerKey: string;
      cause: 'client_invalid';
      evidence: HealthEvidence;
    }
  | {
      type: 'rate_limited';
      clientRef: string;
      providerKey: string;
      cause: 'rate_limited';
      until: Date;
      evidence: HealthEvidence;
    };

/**
 * A flow ended without a connection, after its `state` matched (the user cancelled, the provider
 * refused the code, a check failed). `payload` is the flow's own, so whoever started it (a
 * `consentry connect` hand-off) can tell its waiter at once. `message` is the error's safe text.
 */
export interface FlowFailedEvent {
  type: 'flow_failed';
  purpose: string;
  payload: Record<string, unknown>;
  error: string;
  message: string;
}

/** Consumers by purpose. A purpose registered twice is an error, not a silent overwrite. */
export class ConsumerRegistry {
  readonly #byPurpose = new Map<string, OAuth2Consumer>();
  readonly #namespaces = new Map<string, OAuth2Consumer>();

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

  /**
   * One consumer for every purpose under `prefix` (e.g. `api.` — purposes of services outside
   * this process that started flows through the JSON API, issue 13). An exact registration wins.
   */
  registerNamespace(prefix: string, consumer: OAuth2Consumer): this {
    if (!/^[a-z][a-z0-9_-]{0,30}\.$/.test(prefix))
      throw new ConsentryError('CONSUMER_UNKNOWN', { detail: `Invalid purpose namespace “${prefix}”.` });
    if (this.#namespaces.has(prefix))
      throw new ConsentryError('CONSUMER_DUPLICATE', { facts: { purpose: prefix } });
    this.#namespaces.set(prefix, consumer);
    return this;
  }

  get(purpose: string): OAuth2Consumer {
    const c = this.#byPurpose.get(purpose) ?? this.#inNamespace(purpose);
    if (!c) throw new ConsentryError('CONSUMER_UNKNOWN', { facts: { purpose } });
    return c;
  }

  has(purpose: string): boolean {
    return this.#byPurpose.has(purpose) || this.#inNamespace(purpose) !== undefined;
  }

  #inNamespace(purpose: string): OAuth2Consumer | undefined {
    const dot = purpose.indexOf('.');
    if (dot < 1 || dot === purpose.length - 1 || !/^[a-z][a-z0-9_.-]{0,63}$/.test(purpose)) return undefined;
    return this.#namespaces.get(purpose.slice(0, dot + 1));
  }

  all(): OAuth2Consumer[] {
    return [...this.#byPurpose.values()];
  }
}
