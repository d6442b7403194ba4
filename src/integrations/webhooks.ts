import { type Actor, assertCan } from '../console/actor.ts';
import type { ConnectionEvent } from '../core/consumers.ts';
import { random256 } from '../core/random.ts';
import type { Connection } from '../domain/connection.ts';
import { ConsentryError } from '../domain/errors.ts';
import type { WebhookDelivery, WebhookEndpoint, WebhookRepository } from '../storage/integrations.ports.ts';

/**
 * Signed webhooks for connection events (issue 13). The one table from an in-process event name
 * (`OAuth2Client.events`, `ConnectionEvent.type`) to the webhook `type` subscribers see: a new
 * event name becomes a webhook by adding one line here. Events not in the table are not sent.
 */
export const WEBHOOK_EVENT_TYPES: Readonly<Record<string, string>> = {
  created: 'connection.created',
  reconnected: 'connection.reconnected',
  refreshed: 'connection.refreshed',
  refresh_failed: 'connection.refresh_failed',
  needs_reauth: 'connection.needs_reauth',
  lapsing: 'connection.lapsing',
  revoked: 'connection.revoked',
  deleted: 'connection.deleted',
  client_invalid: 'connection.client_invalid',
};

export const ALL_WEBHOOK_TYPES = [...new Set(Object.values(WEBHOOK_EVENT_TYPES))];

/** The JSON body of a delivery (the bytes signed are exactly the body sent). */
export interface WebhookEventBody {
  /** Unique per event (the same for every endpoint and every retry): deduplicate on it. */
  id: string;
  type: string;
  /** ISO 8601 UTC, when the event happened. */
  created_at: string;
  data: Record<string, unknown> & { connection_id: string; purpose: string };
}

export interface WebhookServiceOptions {
  webhooks: WebhookRepository;
  /** The connection as it is now (for `data.connection`); undefined once deleted. */
  connectionOf: (id: string) => Promise<Connection | undefined>;
  /** `http:` endpoints are accepted only for loopback hosts unless this is true. */
  allowInsecureUrls?: boolean;
  /** Told after events are queued (the local dispatcher delivers without waiting for its poll). */
  onQueued?: () => void;
  now?: () => Date;
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

export class WebhookService {
  readonly #o: WebhookServiceOptions;
  readonly #now: () => Date;

  constructor(options: WebhookServiceOptions) {
    this.#o = options;
    this.#now = options.now ?? (() => new Date());
  }

  /**
   * Registers an endpoint; `secret` (`whsec_…`, 256 bits) is returned only here and stored sealed.
   * Throws FORBIDDEN without `administer_oauth`, WEBHOOK_ENDPOINT_INVALID for a URL that is not
   * https (http only on a loopback host), carries credentials, or an unknown event type.
   */
  async create(
    actor: Actor,
    input: { url: string; eventTypes?: readonly string[] | undefined; description?: string | undefined },
  ): Promise<{ endpoint: WebhookEndpoint; secret: string }> {
    assertCan(actor, 'administer_oauth');
    const url = this.#validUrl(input.url);
    const types = input.eventTypes?.length ? [...new Set(input.eventTypes)] : ['*'];
    const unknown = types.filter((t) => t !== '*' && !ALL_WEBHOOK_TYPES.includes(t));
    if (unknown.length)
      throw new ConsentryError('WEBHOOK_ENDPOINT_INVALID', {
        detail: `Unknown event types: ${unknown.join(', ')}. Known: ${ALL_WEBHOOK_TYPES.join(', ')}.`,
      });
    const secret = `whsec_${random256()}`;
    const endpoint = await this.#o.webhooks.createEndpoint(
      {
        id: `we_${random256().slice(0, 16)}`,
        url,
        description: input.description?.trim().slice(0, 200) || undefined,
        secret,
        eventTypes: types.includes('*') ? ['*'] : types,
      },
      this.#now(),
    );
    return { endpoint, secret };
  }

  async list(actor: Actor): Promise<WebhookEndpoint[]> {
    assertCan(actor, 'administer_oauth');
    return this.#o.webhooks.listEndpoints();
  }

  async get(actor: Actor, id: string): Promise<WebhookEndpoint> {
    assertCan(actor, 'administer_oauth');
    const e = await this.#o.webhooks.getEndpoint(id);
    if (!e) throw new ConsentryError('WEBHOOK_ENDPOINT_UNKNOWN', { facts: { endpoint: id } });
    return e;
  }

  async setEnabled(actor: Actor, id: string, enabled: boolean): Promise<void> {
    await this.get(actor, id);
    await this.#o.webhooks.setEnabled(id, enabled, this.#now());
  }

  async delete(actor: Actor, id: string): Promise<void> {
    await this.get(actor, id);
    await this.#o.webhooks.deleteEndpoint(id);
  }

  /** The delivery log, newest first (one endpoint or all). */
  async deliveries(
    actor: Actor,
    filter: { endpointId?: string; limit?: number } = {},
  ): Promise<WebhookDelivery[]> {
    assertCan(actor, 'administer_oauth');
    return this.#o.webhooks.listDeliveries({
      ...(filter.endpointId ? { endpointId: filter.endpointId } : {}),
      limit: Math.min(filter.limit ?? 50, 500),
    });
  }

  /** Queues a failed delivery again (its attempt count continues). */
  async retry(actor: Actor, deliveryId: string): Promise<boolean> {
    assertCan(actor, 'administer_oauth');
    const ok = await this.#o.webhooks.retry(deliveryId, this.#now());
    if (ok) this.#o.onQueued?.();
    return ok;
  }

  /**
   * The outbox writer (`OAuth2Client.recordEvent`): one pending delivery per enabled endpoint
   * subscribed to the event's type, inserted in one statement before the operation that caused
   * the event returns. Events outside WEBHOOK_EVENT_TYPES are ignored.
   */
  async record(event: ConnectionEvent): Promise<void> {
    const type = WEBHOOK_EVENT_TYPES[event.type];
    if (!type) return;
    const endpoints = (await this.#o.webhooks.listEndpoints()).filter(
      (e) => e.enabled && (e.eventTypes.includes('*') || e.eventTypes.includes(type)),
    );
    if (endpoints.length === 0) return;
    const now = this.#now();
    const payload = await this.#body(event, type, now);
    const body = JSON.stringify(payload);
    const eventId = payload.id;
    await this.#o.webhooks.enqueue(
      endpoints.map((e) => ({
        id: `wd_${random256().slice(0, 20)}`,
        eventId,
        endpointId: e.id,
        eventType: type,
        body,
      })),
      now,
    );
    this.#o.onQueued?.();
  }

  async #body(event: ConnectionEvent, type: string, now: Date): Promise<WebhookEventBody> {
    // Every field of the event but `type`, snake_cased, dates as ISO strings: a new field (a
    // `cause`) reaches subscribers without touching this code.
    const data: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(event)) {
      if (k === 'type' || v === undefined) continue;
      data[snake(k)] = v instanceof Date ? v.toISOString() : v;
    }
    const c = await this.#o.connectionOf(event.connectionId).catch(() => undefined);
    if (c) data.connection = connectionSummary(c);
    return {
      id: `evt_${random256().slice(0, 22)}`,
      type,
      created_at: now.toISOString(),
      data: data as WebhookEventBody['data'],
    };
  }

  #validUrl(raw: string): string {
    let url: URL;
    try {
      url = new URL(raw.trim());
    } catch {
      throw new ConsentryError('WEBHOOK_ENDPOINT_INVALID', {
        detail: 'The URL is not a valid absolute URL.',
      });
    }
    if (url.username || url.password)
      throw new ConsentryError('WEBHOOK_ENDPOINT_INVALID', { detail: 'The URL must not carry credentials.' });
    const insecureOk = this.#o.allowInsecureUrls || LOOPBACK.has(url.hostname);
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && insecureOk))
      throw new ConsentryError('WEBHOOK_ENDPOINT_INVALID', {
        detail: 'Use an https URL (http only for localhost).',
      });
    url.hash = '';
    return url.href;
  }
}

/** No tokens: what a subscriber needs to find its record and the connection's health. */
export function connectionSummary(c: Connection): Record<string, unknown> {
  return {
    id: c.id,
    client_id: c.clientRef,
    provider: c.providerKey,
    purpose: c.purpose,
    payload: c.payload,
    account: c.account ?? null,
    status: c.status,
    status_reason: c.statusReason ?? null,
  };
}

const snake = (s: string) => s.replace(/[A-Z]/g, (m) => `_${m.toLowerCase()}`);
