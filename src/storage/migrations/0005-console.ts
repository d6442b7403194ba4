import type { Kysely } from 'kysely';

/**
 * Frozen: never edit after release; add a new migration instead.
 * The admin console: local users (scrypt hashes), their signed-in sessions, and the one-time
 * hand-off links `consentry connect` prints. Portable: text, bigint (epoch ms), integer.
 */
// biome-ignore lint/suspicious/noExplicitAny: frozen migrations must not depend on today's table types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('console_users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('permissions', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  // Only the hash of a session id is stored: a database reader cannot sign in with it.
  await db.schema
    .createTable('console_sessions')
    .addColumn('id_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('console_users.id').onDelete('cascade'))
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('console_sessions_user').on('console_sessions').column('user_id').execute();

  await db.schema
    .createTable('console_handoffs')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('client_ref', 'text', (c) => c.notNull().references('oauth_clients.id').onDelete('cascade'))
    .addColumn('scopes', 'text')
    .addColumn('preset', 'text')
    .addColumn('used_at', 'bigint')
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: frozen migrations must not depend on today's table types
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['console_handoffs', 'console_sessions', 'console_users'])
    await db.schema.dropTable(t).execute();
}
