import type { Kysely } from 'kysely';

/**
 * Provider role: failed client-authentication counts, shared by every instance on one database.
 * One row per budget window: `key` is a hash of (client id, address) or of the address alone (the
 * client id is whatever a caller sent, so it is never stored as such), `failures` the count in the
 * window that ends at `window_ends_at`. Rows are swept once their window has ended.
 *
 * Frozen: never edit after release; add a new migration instead.
 * Portable to SQLite and PostgreSQL: text, bigint (epoch milliseconds) and integer only.
 */
// biome-ignore lint/suspicious/noExplicitAny: frozen migrations must not depend on today's table types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('auth_failures')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('window_ends_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('auth_failures_window').on('auth_failures').column('window_ends_at').execute();
}

// biome-ignore lint/suspicious/noExplicitAny: frozen migrations must not depend on today's table types
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('auth_failures').execute();
}
