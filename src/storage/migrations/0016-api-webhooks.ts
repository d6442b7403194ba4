import type { Kysely } from 'kysely';

/**
 * Frozen. The integration surface (issue 13): API keys for the JSON API, connect sessions started
 * through it, webhook endpoints and the webhook outbox.
 *
 * - `api_keys`: only the SHA-256 of the key is stored (the key is 256 random bits, shown once);
 *   `scopes` space-separated; `revoked_at` set instead of deleting, so the console can show it.
 * - `api_connect_sessions`: the purpose and payload of a connect session started through the
 *   API (and the key that started it), keyed by the console hand-off (one-time link) it rides on.
 * - `webhook_endpoints`: `secret` sealed by SecretBox (AAD webhook_endpoints:secret:<id>);
 *   `event_types` space-separated (`*` = all).
 * - `webhook_deliveries`: the outbox, one row per (event, endpoint). Claimed with a lease
 *   (`lease_owner`, `lease_until`) by a conditional UPDATE (SQLite) or `FOR UPDATE SKIP LOCKED`
 *   (PostgreSQL); `status` pending → delivered | failed (retries exhausted).
 *
 * Portable: text, bigint (epoch ms), integer.
 */
// biome-ignore lint/suspicious/noExplicitAny: frozen migrations must not depend on today's table types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('api_keys')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('key_hash', 'text', (c) => c.notNull().unique())
    .addColumn('prefix', 'text', (c) => c.notNull())
    .addColumn('scopes', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('last_used_at', 'bigint')
    .addColumn('revoked_at', 'bigint')
    .execute();

  await db.schema
    .createTable('api_connect_sessions')
    .addColumn('handoff_id', 'text', (c) => c.primaryKey())
    .addColumn('client_ref', 'text', (c) => c.notNull().references('oauth_clients.id').onDelete('cascade'))
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('api_key_ref', 'text')
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('webhook_endpoints')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('secret', 'text', (c) => c.notNull())
    .addColumn('event_types', 'text', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('webhook_deliveries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('endpoint_id', 'text', (c) =>
      c.notNull().references('webhook_endpoints.id').onDelete('cascade'),
    )
    .addColumn('event_type', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'bigint', (c) => c.notNull())
    .addColumn('lease_owner', 'text')
    .addColumn('lease_until', 'bigint')
    .addColumn('last_status', 'integer')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('delivered_at', 'bigint')
    .execute();
  await db.schema
    .createIndex('webhook_deliveries_due')
    .on('webhook_deliveries')
    .columns(['status', 'next_attempt_at'])
    .execute();
  await db.schema
    .createIndex('webhook_deliveries_endpoint')
    .on('webhook_deliveries')
    .columns(['endpoint_id', 'created_at'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['webhook_deliveries', 'webhook_endpoints', 'api_connect_sessions', 'api_keys'])
    await db.schema.dropTable(t).execute();
}
