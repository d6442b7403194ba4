import type { Kysely } from 'kysely';

/**
 * Frozen. Connections without a user (issue 16): client credentials (RFC 6749 §4.4) and JWT
 * bearer (RFC 7523 §2.1) connections sit in `connections` beside consented ones and are renewed
 * by re-running their grant under the same lease.
 *
 * - `grant_type`: `authorization_code` (every existing row), `client_credentials`, `jwt_bearer`.
 * - `grant_request`: the grant's non-secret inputs as JSON (`scopes`, `params`, a JWT-bearer
 *   `subject` …); null for authorization-code connections.
 * - `grant_key`: SHA-256 of (grant type, sorted scopes, sorted params, other inputs): with the
 *   client it identifies "the same request", so a repeated connect returns the existing row.
 *   Unique per client (NULLs — consented connections — never collide, on SQLite and PostgreSQL).
 *
 * Portable: text columns added one statement each (SQLite adds one at a time).
 */
// biome-ignore lint/suspicious/noExplicitAny: frozen migrations must not depend on today's table types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('connections')
    .addColumn('grant_type', 'text', (c) => c.notNull().defaultTo('authorization_code'))
    .execute();
  await db.schema.alterTable('connections').addColumn('grant_request', 'text').execute();
  await db.schema.alterTable('connections').addColumn('grant_key', 'text').execute();
  await db.schema
    .createIndex('connections_grant_key')
    .on('connections')
    .columns(['client_ref', 'grant_key'])
    .unique()
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('connections_grant_key').execute();
  await db.schema.alterTable('connections').dropColumn('grant_key').execute();
  await db.schema.alterTable('connections').dropColumn('grant_request').execute();
  await db.schema.alterTable('connections').dropColumn('grant_type').execute();
}
