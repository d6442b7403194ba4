/**
 * Ports of the integration surface (issue 13): API keys, API connect sessions, webhook endpoints
 * and the webhook outbox. Times are Dates; secrets are opened/sealed by the implementation.
 */
export interface ApiKey {
  id: string;
  name: string;
  /** The key's first characters (`csk_AbCd…`), to recognise it; not enough to use it. */
  prefix: string;
  scopes: string[];
  createdBy: string | undefined;
  createdAt: Date;
  lastUsedAt: Date | undefined;
  revokedAt: Date | undefined;
}

export interface ApiKeyRepository {
  create(
    input: {
      id: string;
      name: string;
      keyHash: string;
      prefix: string;
      scopes: string[];
      createdBy: string | undefined;
    },
    now: Date,
  ): Promise<ApiKey>;
  /** The key whose hash this is, revoked or not (the caller decides). */
  findByHash(keyHash: string): Promise<ApiKey | undefined>;
  get(id: string): Promise<ApiKey | undefined>;
  list(): Promise<ApiKey[]>;
  /** False when there was no such key or it was already revoked. */
  revoke(id: string, now: Date): Promise<boolean>;
  touch(id: string, now: Date): Promise<void>;
}

export interface ApiConnectSession {
  handoffId: string;
  clientRef: string;
  purpose: string;
  payload: Record<string, unknown>;
  apiKeyRef: string | undefined;
  expiresAt: Date;
}

export interface ApiConnectSessionRepository {
  create(input: ApiConnectSession, now: Date): Promise<void>;
  get(handoffId: string): Promise<ApiConnectSession | undefined>;
}

export interface WebhookEndpoint {
  id: string;
  url: string;
  description: string | undefined;
  /** Webhook event types, or `['*']` for all. */
  eventTypes: string[];
  enabled: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export type DeliveryStatus = 'pending' | 'delivered' | 'failed';

export interface WebhookDelivery {
  id: string;
  eventId: string;
  endpointId: string;
  eventType: string;
  body: string;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: Date;
  lastStatus: number | undefined;
  lastError: string | undefined;
  createdAt: Date;
  deliveredAt: Date | undefined;
}

export interface WebhookRepository {
  createEndpoint(
    input: {
      id: string;
      url: string;
      description: string | undefined;
      secret: string;
      eventTypes: string[];
    },
    now: Date,
  ): Promise<WebhookEndpoint>;
  listEndpoints(): Promise<WebhookEndpoint[]>;
  getEndpoint(id: string): Promise<WebhookEndpoint | undefined>;
  /** The signing secret, opened. */
  secretOf(id: string): Promise<string | undefined>;
  setEnabled(id: string, enabled: boolean, now: Date): Promise<boolean>;
  deleteEndpoint(id: string): Promise<boolean>;
  /** Outbox: one pending row per endpoint, in one statement. */
  enqueue(
    rows: { id: string; eventId: string; endpointId: string; eventType: string; body: string }[],
    now: Date,
  ): Promise<void>;
  /**
   * Claims up to `limit` due rows for `owner` until `leaseUntil` and counts the attempt. A row is
   * due when pending, its `next_attempt_at` has come and no live lease holds it. PostgreSQL:
   * `FOR UPDATE SKIP LOCKED`; SQLite: one conditional UPDATE (writes are serialised).
   */
  claim(owner: string, limit: number, leaseUntil: Date, now: Date): Promise<WebhookDelivery[]>;
  /** Outcome of an attempt; applied only while `owner` still holds the lease. */
  settle(
    id: string,
    owner: string,
    outcome:
      | { status: 'delivered'; httpStatus: number }
      | { status: 'pending' | 'failed'; httpStatus: number | undefined; error: string; nextAttemptAt: Date },
    now: Date,
  ): Promise<boolean>;
  listDeliveries(filter: { endpointId?: string; limit: number }): Promise<WebhookDelivery[]>;
  /** Puts a failed delivery back in the queue (the console's "Retry"). */
  retry(id: string, now: Date): Promise<boolean>;
}
