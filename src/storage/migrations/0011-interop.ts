import type { Kysely } from 'kysely';

/**
 * Frozen. Working with real providers (issue 12):
 *
 * - `oauth_clients.client_key`: the registered client's private key (a JWK, sealed) for
 *   `private_key_jwt` client authentication (RFC 7523 §2.2); its public half lives in `options`.
 * - `connections.token_host`: the origin of the token host this account's authorization response
 *   named (Zoho's `accounts-server`); refreshes and revocation go there too. Null = the entry's.
 * - `connections.dpop_key`: the private JWK (sealed) the connection's tokens are bound to
 *   (RFC 9449); null when the tokens are plain bearer tokens.
 * - `console_handoffs.failed_code` / `failed_message`: the error a `consentry connect` flow ended
 *   with, so the waiting CLI reports it at once.
 *
 * Portable: nullable text columns added one statement each (SQLite adds one at a time).
 */
// biome-ignore lint/suspicious/noExplicitAny: frozen migrations must not depend on today's table types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('oauth_clients').addColumn('client_key', 'text').execute();
  await db.schema.alterTable('connections').addColumn('token_host', 'text').execute();
  await db.schema.alterTable('connections').addColumn('dpop_key', 'text').execute();
  await db.schema.alterTable('console_handoffs').addColumn('failed_code', 'text').execute();
  await db.schema.alterTable('console_handoffs').addColumn('failed_message', 'text').execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('console_handoffs').dropColumn('failed_message').execute();
  await db.schema.alterTable('console_handoffs').dropColumn('failed_code').execute();
  await db.schema.alterTable('connections').dropColumn('dpop_key').execute();
  await db.schema.alterTable('connections').dropColumn('token_host').execute();
  await db.schema.alterTable('oauth_clients').dropColumn('client_key').execute();
}
