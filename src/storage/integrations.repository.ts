import { type Kysely, PostgresAdapter, type Selectable } from 'kysely';
import { aadFor, type SecretBox } from '../secrets/secret-box.ts';
import type {
  ApiConnectSessionRepository,
  ApiKey,
  ApiKeyRepository,
  DeliveryStatus,
  WebhookDelivery,
  WebhookEndpoint,
  WebhookRepository,
} from './integrations.ports.ts';
import { parseJson, toDate } from './json.ts';
import type { ApiKeysTable, Database, WebhookDeliveriesTable, WebhookEndpointsTable } from './schema.ts';

const words = (s: string) => s.split(' ').filter(Boolean);

function toApiKey(row: Selectable<ApiKeysTable>): ApiKey {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scopes: words(row.scopes),
    createdBy: row.created_by ?? undefined,
    createdAt: new Date(Number(row.created_at)),
    lastUsedAt: toDate(row.last_used_at),
    revokedAt: toDate(row.revoked_at),
  };
}

/**
 * API keys: only the SHA-256 of a key is stored. `findByHash` runs on every API call: compiled
 * once and run through `readOne` (a cached prepared statement) when the handle offers it.
 */
export function createApiKeyRepository(
  db: Kysely<Database>,
  readOne?: (sql: string, parameters: readonly unknown[]) => unknown,
): ApiKeyRepository {
  const byHash = db.selectFrom('api_keys').selectAll().where('key_hash', '=', '').compile();
  return {
    async create(input, now) {
      const row = {
        id: input.id,
        name: input.name,
        key_hash: input.keyHash,
        prefix: input.prefix,
        scopes: input.scopes.join(' '),
        created_by: input.createdBy ?? null,
        created_at: now.getTime(),
        last_used_at: null,
        revoked_at: null,
      };
      await db.insertInto('api_keys').values(row).execute();
      return toApiKey(row);
    },
    async findByHash(keyHash) {
      const row = readOne
        ? ((await readOne(byHash.sql, [keyHash])) as Selectable<ApiKeysTable> | undefined)
        : (await db.executeQuery<Selectable<ApiKeysTable>>({ ...byHash, parameters: [keyHash] })).rows[0];
      return row ? toApiKey(row) : undefined;
    },
    async get(id) {
      const row = await db.selectFrom('api_keys').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toApiKey(row) : undefined;
    },
    async list() {
      return (await db.selectFrom('api_keys').selectAll().orderBy('created_at', 'desc').execute()).map(
        toApiKey,
      );
    },
    async revoke(id, now) {
      const r = await db
        .updateTable('api_keys')
        .set({ revoked_at: now.getTime() })
        .where('id', '=', id)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    async touch(id, now) {
      await db.updateTable('api_keys').set({ last_used_at: now.getTime() }).where('id', '=', id).execute();
    },
  };
}

export function createApiConnectSessionRepository(db: Kysely<Database>): ApiConnectSessionRepository {
  return {
    async create(input, now) {
      await db
        .insertInto('api_connect_sessions')
        .values({
          handoff_id: input.handoffId,
          client_ref: input.clientRef,
          purpose: input.purpose,
          payload: JSON.stringify(input.payload),
          api_key_ref: input.apiKeyRef ?? null,
          expires_at: input.expiresAt.getTime(),
          created_at: now.getTime(),
        })
        .execute();
    },
    async get(handoffId) {
      const row = await db
        .selectFrom('api_connect_sessions')
        .selectAll()
        .where('handoff_id', '=', handoffId)
        .executeTakeFirst();
      if (!row) return undefined;
      return {
        handoffId: row.handoff_id,
        clientRef: row.client_ref,
        purpose: row.purpose,
        payload: parseJson<Record<string, unknown>>(row.payload, {}),
        apiKeyRef: row.api_key_ref ?? undefined,
        expiresAt: new Date(Number(row.expires_at)),
      };
    },
  };
}

function toEndpoint(row: Selectable<WebhookEndpointsTable>): WebhookEndpoint {
  return {
    id: row.id,
    url: row.url,
    description: row.description ?? undefined,
    eventTypes: words(row.event_types),
    enabled: Number(row.enabled) === 1,
    createdAt: new Date(Number(row.created_at)),
    updatedAt: new Date(Number(row.updated_at)),
  };
}

function toDelivery(row: Selectable<WebhookDeliveriesTable>): WebhookDelivery {
  return {
    id: row.id,
    eventId: row.event_id,
    endpointId: row.endpoint_id,
    eventType: row.event_type,
    body: row.body,
    status: row.status as DeliveryStatus,
    attempts: Number(row.attempts),
    nextAttemptAt: new Date(Number(row.next_attempt_at)),
    lastStatus: row.last_status === null ? undefined : Number(row.last_status),
    lastError: row.last_error ?? undefined,
    createdAt: new Date(Number(row.created_at)),
    deliveredAt: toDate(row.delivered_at),
  };
}

/** Webhook endpoints (secret sealed) and the delivery outbox. */
export function createWebhookRepository(db: Kysely<Database>, box: SecretBox): WebhookRepository {
  const isPostgres = db.getExecutor().adapter instanceof PostgresAdapter;
  return {
    async createEndpoint(input, now) {
      const row = {
        id: input.id,
        url: input.url,
        description: input.description ?? null,
        secret: box.seal(input.secret, aadFor('webhook_endpoints', 'secret', input.id)),
        event_types: input.eventTypes.join(' '),
        enabled: 1,
        created_at: now.getTime(),
        updated_at: now.getTime(),
      };
      await db.insertInto('webhook_endpoints').values(row).execute();
      return toEndpoint(row);
    },
    async listEndpoints() {
      return (await db.selectFrom('webhook_endpoints').selectAll().orderBy('created_at').execute()).map(
        toEndpoint,
      );
    },
    async getEndpoint(id) {
      const row = await db
        .selectFrom('webhook_endpoints')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? toEndpoint(row) : undefined;
    },
    async secretOf(id) {
      const row = await db
        .selectFrom('webhook_endpoints')
        .select('secret')
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? box.open(row.secret, aadFor('webhook_endpoints', 'secret', id)) : undefined;
    },
    async setEnabled(id, enabled, now) {
      const r = await db
        .updateTable('webhook_endpoints')
        .set({ enabled: enabled ? 1 : 0, updated_at: now.getTime() })
        .where('id', '=', id)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    async deleteEndpoint(id) {
      // Explicitly, not only by the foreign key: SQLite enforces ON DELETE CASCADE only with the pragma.
      await db.deleteFrom('webhook_deliveries').where('endpoint_id', '=', id).execute();
      const r = await db.deleteFrom('webhook_endpoints').where('id', '=', id).executeTakeFirst();
      return Number(r.numDeletedRows) === 1;
    },
    async enqueue(rows, now) {
      if (rows.length === 0) return;
      await db
        .insertInto('webhook_deliveries')
        .values(
          rows.map((r) => ({
            id: r.id,
            event_id: r.eventId,
            endpoint_id: r.endpointId,
            event_type: r.eventType,
            body: r.body,
            status: 'pending',
            attempts: 0,
            next_attempt_at: now.getTime(),
            lease_owner: null,
            lease_until: null,
            last_status: null,
            last_error: null,
            created_at: now.getTime(),
            delivered_at: null,
          })),
        )
        .execute();
    },
    async claim(owner, limit, leaseUntil, now) {
      const t = now.getTime();
      const due = db
        .selectFrom('webhook_deliveries')
        .select('id')
        .where('status', '=', 'pending')
        .where('next_attempt_at', '<=', t)
        .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', t)]))
        .orderBy('next_attempt_at')
        .limit(limit);
      // The outer conditions are re-checked on the locked (PostgreSQL) or serialised (SQLite)
      // row, so two instances can never both hold one delivery.
      const rows = await db
        .updateTable('webhook_deliveries')
        .set((eb) => ({
          lease_owner: owner,
          lease_until: leaseUntil.getTime(),
          attempts: eb('attempts', '+', 1),
        }))
        .where('id', 'in', isPostgres ? due.forUpdate().skipLocked() : due)
        .where('status', '=', 'pending')
        .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', t)]))
        .returningAll()
        .execute();
      return rows.map(toDelivery).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
    },
    async settle(id, owner, outcome, now) {
      const r = await db
        .updateTable('webhook_deliveries')
        .set(
          outcome.status === 'delivered'
            ? {
                status: 'delivered',
                last_status: outcome.httpStatus,
                last_error: null,
                delivered_at: now.getTime(),
                lease_owner: null,
                lease_until: null,
              }
            : {
                status: outcome.status,
                last_status: outcome.httpStatus ?? null,
                last_error: outcome.error.slice(0, 500),
                next_attempt_at: outcome.nextAttemptAt.getTime(),
                lease_owner: null,
                lease_until: null,
              },
        )
        .where('id', '=', id)
        .where('lease_owner', '=', owner)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    async listDeliveries({ endpointId, limit }) {
      let q = db.selectFrom('webhook_deliveries').selectAll();
      if (endpointId) q = q.where('endpoint_id', '=', endpointId);
      return (await q.orderBy('created_at', 'desc').orderBy('id').limit(limit).execute()).map(toDelivery);
    },
    async retry(id, now) {
      const r = await db
        .updateTable('webhook_deliveries')
        .set({ status: 'pending', next_attempt_at: now.getTime(), lease_owner: null, lease_until: null })
        .where('id', '=', id)
        .where('status', '=', 'failed')
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
  };
}
