import { random256 } from '../core/random.ts';
import { isConsentryError } from '../domain/errors.ts';
import { redact } from '../domain/redact.ts';
import { SIGNATURE_HEADER, signWebhook } from '../domain/webhook-signature.ts';
import { strictEgressFetch } from '../egress/egress.ts';
import type { WebhookDelivery, WebhookRepository } from '../storage/integrations.ports.ts';

/**
 * Delivers the webhook outbox. Every server instance runs one (started on listen, like the
 * background refresher); they share the table:
 *
 * - a delivery is **claimed** with a lease (`claim`: FOR UPDATE SKIP LOCKED / conditional
 *   UPDATE), so two instances never send one row; the HTTP timeout is at most half the lease,
 *   so a slow receiver cannot outlive the lease and be sent twice;
 * - a process killed mid-delivery leaves its lease to lapse; another instance (or the same one
 *   restarted) claims the row again — an event recorded is delivered after a crash;
 * - the outcome is written only while the lease is held (`settle` checks `lease_owner`);
 * - 2xx = delivered; anything else (or no answer) retries with backoff, then `failed` after
 *   `maxAttempts` (the console can queue it again).
 *
 * Delivery is at-least-once in one case only: a receiver that answered 2xx but whose answer did
 * not reach us (crash after sending). The event `id` (also `Consentry-Event-Id`) is the key to
 * deduplicate on.
 */
export interface DispatcherOptions {
  webhooks: WebhookRepository;
  instanceId?: string;
  /** Lease on a claimed delivery, ms (default 60 000). */
  leaseMs?: number;
  /** Poll interval when idle, ms (default 2 000). */
  pollMs?: number;
  batchSize?: number;
  /** Attempts before `failed` (default 12: about a day with the schedule below). */
  maxAttempts?: number;
  /** Backoff before attempt n+1, ms. */
  backoffMs?: (attempts: number) => number;
  /** Outbound HTTP; default: the strict egress policy (public https only; src/egress). */
  fetch?: (url: string, init: RequestInit) => Promise<Response>;
  now?: () => Date;
  log?: (level: 'info' | 'warn' | 'error', facts: Record<string, unknown>, message: string) => void;
}

/** 10 s, 30 s, 1 min, 5 min, 15 min, 30 min, 1 h, 2 h, 4 h, 8 h, 8 h … with ±10 % jitter. */
export function webhookBackoffMs(attempts: number): number {
  const steps = [10, 30, 60, 300, 900, 1800, 3600, 7200, 14_400, 28_800];
  const base = steps[Math.min(Math.max(attempts - 1, 0), steps.length - 1)]! * 1000;
  return Math.round(base * (0.9 + Math.random() * 0.2));
}

export class WebhookDispatcher {
  readonly #o: Required<Omit<DispatcherOptions, 'log' | 'instanceId'>> & DispatcherOptions;
  readonly #owner: string;
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> | undefined;
  #again = false;
  #stopped = true;

  constructor(options: DispatcherOptions) {
    this.#o = {
      leaseMs: 60_000,
      pollMs: 2_000,
      batchSize: 20,
      maxAttempts: 12,
      backoffMs: webhookBackoffMs,
      fetch: strictEgressFetch(),
      now: () => new Date(),
      ...options,
    };
    this.#owner = `${options.instanceId ?? 'consentry'}:${random256().slice(0, 8)}`;
  }

  start(): void {
    if (!this.#stopped) return;
    this.#stopped = false;
    this.nudge();
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
    await this.#running;
  }

  /** Runs a pass now (events were just queued); a pass already running runs once more after. */
  nudge(): void {
    if (this.#stopped) return;
    if (this.#running) {
      this.#again = true;
      return;
    }
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#running = this.#loop().finally(() => {
      this.#running = undefined;
      if (this.#stopped) return;
      if (this.#again) {
        this.#again = false;
        this.nudge();
      } else {
        this.#timer = setTimeout(() => this.nudge(), this.#o.pollMs);
        this.#timer.unref();
      }
    });
  }

  /** Claims and delivers due rows until none is left; returns how many were attempted. */
  async runOnce(): Promise<number> {
    let attempted = 0;
    for (;;) {
      const now = this.#o.now();
      const batch = await this.#o.webhooks.claim(
        this.#owner,
        this.#o.batchSize,
        new Date(now.getTime() + this.#o.leaseMs),
        now,
      );
      if (batch.length === 0) return attempted;
      attempted += batch.length;
      await Promise.all(batch.map((d) => this.#deliver(d)));
      if (this.#stopped) return attempted;
    }
  }

  async #loop(): Promise<void> {
    try {
      await this.runOnce();
    } catch (e) {
      this.#o.log?.('error', { err: e instanceof Error ? e.message : String(e) }, 'webhook dispatch failed');
    }
  }

  async #deliver(d: WebhookDelivery): Promise<void> {
    const secret = await this.#o.webhooks.secretOf(d.endpointId);
    const endpoint = await this.#o.webhooks.getEndpoint(d.endpointId);
    if (!secret || !endpoint) return; // deleted meanwhile: its rows went with it
    const timestamp = Math.floor(this.#o.now().getTime() / 1000);
    let httpStatus: number | undefined;
    let error: string | undefined;
    try {
      const response = await this.#o.fetch(endpoint.url, {
        method: 'POST',
        redirect: 'manual',
        signal: AbortSignal.timeout(Math.max(1000, Math.min(10_000, Math.floor(this.#o.leaseMs / 2)))),
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Consentry-Webhooks/1',
          [SIGNATURE_HEADER]: signWebhook(secret, d.body, timestamp),
          'consentry-event-id': d.eventId,
          'consentry-event-type': d.eventType,
          'consentry-delivery-id': d.id,
          'consentry-delivery-attempt': String(d.attempts),
        },
        body: d.body,
      });
      httpStatus = response.status;
      // The receiver's body is not kept (it may echo anything); drain it to free the socket.
      await response.arrayBuffer().catch(() => undefined);
      if (response.status < 200 || response.status >= 300) error = `HTTP ${response.status}`;
    } catch (e) {
      // The policy's refusal by its code (EGRESS_REFUSED, EGRESS_RESPONSE_TOO_LARGE); a network
      // failure by its errno; redacted all the same (a receiver URL may carry a token).
      error = isConsentryError(e)
        ? `${e.code}: ${e.message}`
        : e instanceof Error
          ? `${e.name}: ${(e as { cause?: { code?: string } }).cause?.code ?? e.message}`
          : 'failed';
      error = redact(error, [secret]).slice(0, 200);
    }
    const now = this.#o.now();
    if (!error) {
      await this.#o.webhooks.settle(d.id, this.#owner, { status: 'delivered', httpStatus: httpStatus! }, now);
      return;
    }
    const final = d.attempts >= this.#o.maxAttempts;
    await this.#o.webhooks.settle(
      d.id,
      this.#owner,
      {
        status: final ? 'failed' : 'pending',
        httpStatus,
        error,
        nextAttemptAt: new Date(now.getTime() + (final ? 0 : this.#o.backoffMs(d.attempts))),
      },
      now,
    );
    this.#o.log?.(
      'warn',
      { delivery: d.id, endpoint: d.endpointId, attempts: d.attempts, status: httpStatus, final },
      'webhook delivery failed',
    );
  }
}
