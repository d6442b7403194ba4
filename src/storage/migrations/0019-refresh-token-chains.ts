import { type Kysely, SqliteAdapter, sql } from 'kysely';

/**
 * Frozen. Provider role, issue 14: refresh tokens kept together by grant.
 *
 * 0013 keyed `oauth_refresh_tokens` by `token_hash` alone, with a second index on `grant_id` (for
 * revoking a grant): every rotation wrote three B-trees at random places — the table, the
 * primary-key index and the grant index — about half of the refresh grant's database time. Tokens
 * issued from now on carry their grant id in front (`<grant id>~<secret>`), so the table can be
 * keyed by `(grant_id, token_hash)`: a grant's tokens sit side by side, a rotation (used-mark and
 * successor) usually changes one page, and revoking a grant is a range delete on the same key. On
 * SQLite the table is `WITHOUT ROWID` (the key is the table; no separate index to write).
 *
 * Tokens issued before have no grant id in them. Every existing row is copied into the new table
 * and, for those tokens, `oauth_legacy_refresh_tokens` maps each hash to its grant — read once per
 * use of an old token, never written again (revoking a grant deletes its rows there too). Used
 * tokens are copied as well, so reuse detection (RFC 9700 §4.14.2) still recognises them.
 *
 * Portable to SQLite and PostgreSQL: the same columns and types as 0013.
 */
// biome-ignore lint/suspicious/noExplicitAny: frozen migrations must not depend on today's table types
export async function up(db: Kysely<any>): Promise<void> {
  const withoutRowid = db.getExecutor().adapter instanceof SqliteAdapter ? sql`without rowid` : sql``;
  await db.schema.alterTable('oauth_refresh_tokens').renameTo('oauth_refresh_tokens_0013').execute();
  await db.schema
    .createTable('oauth_refresh_tokens')
    .addColumn('grant_id', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('used_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('oauth_refresh_tokens_pk', ['grant_id', 'token_hash'])
    .modifyEnd(withoutRowid)
    .execute();
  await sql`insert into oauth_refresh_tokens (grant_id, token_hash, expires_at, used_at, created_at)
    select grant_id, token_hash, expires_at, used_at, created_at from oauth_refresh_tokens_0013`.execute(db);

  await db.schema
    .createTable('oauth_legacy_refresh_tokens')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('grant_id', 'text', (c) => c.notNull())
    .modifyEnd(withoutRowid)
    .execute();
  await sql`insert into oauth_legacy_refresh_tokens (token_hash, grant_id)
    select token_hash, grant_id from oauth_refresh_tokens_0013`.execute(db);
  await db.schema
    .createIndex('oauth_legacy_refresh_tokens_grant')
    .on('oauth_legacy_refresh_tokens')
    .column('grant_id')
    .execute();
  // Drops 0013's index `oauth_refresh_tokens_grant` with it.
  await db.schema.dropTable('oauth_refresh_tokens_0013').execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  // Back to 0013's shape. Every token stays usable: 0013 hashes the whole token string, which is
  // what the stored hashes are of (the grant-id prefix included).
  await db.schema.alterTable('oauth_refresh_tokens').renameTo('oauth_refresh_tokens_0019').execute();
  await db.schema
    .createTable('oauth_refresh_tokens')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('grant_id', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('used_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await sql`insert into oauth_refresh_tokens (token_hash, grant_id, expires_at, used_at, created_at)
    select token_hash, grant_id, expires_at, used_at, created_at from oauth_refresh_tokens_0019`.execute(db);
  await db.schema
    .createIndex('oauth_refresh_tokens_grant')
    .on('oauth_refresh_tokens')
    .column('grant_id')
    .execute();
  await db.schema.dropTable('oauth_refresh_tokens_0019').execute();
  await db.schema.dropTable('oauth_legacy_refresh_tokens').execute();
}
