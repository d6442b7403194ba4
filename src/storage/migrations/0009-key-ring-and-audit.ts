import { type Kysely, sql } from 'kysely';

/**
 * Issue 10: key rotation that never breaks a running server, and the audit trail.
 *
 * - `sealed_sentinel`: one sealed random value (`id = 'sentinel'`). `/healthz` opens it, so a
 *   server that cannot open its secrets is not "ok"; `secret-key rewrap` re-seals it like every
 *   other sealed column. Its plaintext also keys the console's CSRF tokens (stable across key
 *   rotations and the same on every instance).
 * - `key_ring_instances`: a heartbeat per running server with the key ids it holds;
 *   `secret-key rewrap` starts only once every live row (`expires_at` in the future) holds the
 *   new current key.
 * - `audit_events`: the append-only trail, hash-chained (`hash = sha256(prev_hash + canonical
 *   row)`); `seq` is assigned as head + 1 under the `audit_head` row's lock, and its primary key
 *   makes a forked chain (two rows with one predecessor) impossible on either engine.
 * - `audit_head`: the last `seq` and `hash`, written in the same transaction as each append, so a
 *   deleted last row is detected too.
 *
 * Frozen: never edit after release; add a new migration instead.
 * Portable to SQLite and PostgreSQL: text, bigint (epoch milliseconds) and integer only.
 */
// biome-ignore lint/suspicious/noExplicitAny: frozen migrations must not depend on today's table types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('sealed_sentinel')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('key_ring_instances')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('current_key_id', 'text', (c) => c.notNull())
    .addColumn('key_ids', 'text', (c) => c.notNull())
    .addColumn('key_source', 'text', (c) => c.notNull())
    .addColumn('host', 'text', (c) => c.notNull())
    .addColumn('pid', 'integer', (c) => c.notNull())
    .addColumn('started_at', 'bigint', (c) => c.notNull())
    .addColumn('heartbeat_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('audit_events')
    .addColumn('seq', 'bigint', (c) => c.primaryKey())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('actor_kind', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_label', 'text', (c) => c.notNull())
    .addColumn('address', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('target_type', 'text')
    .addColumn('target_id', 'text')
    .addColumn('details', 'text', (c) => c.notNull())
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull().unique())
    .execute();
  await db.schema.createIndex('audit_events_action').on('audit_events').columns(['action', 'seq']).execute();
  await db.schema.createIndex('audit_events_at').on('audit_events').column('at').execute();

  await db.schema
    .createTable('audit_head')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  // The genesis head: the first row's prev_hash is 64 zeros.
  await sql`insert into audit_head (id, seq, hash) values ('head', 0, ${'0'.repeat(64)})`.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: frozen migrations must not depend on today's table types
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('audit_head').execute();
  await db.schema.dropTable('audit_events').execute();
  await db.schema.dropTable('key_ring_instances').execute();
  await db.schema.dropTable('sealed_sentinel').execute();
}
