import type { Kysely } from 'kysely';

/**
 * Frozen. Connection health (issue 11).
 *
 * - `connections.health_cause` / `health_evidence`: the named cause of the last refusal or
 *   failure and its evidence (JSON: provider error code, bounded description, status, when,
 *   attempts — never token material). Cleared by a successful refresh or a reconnect.
 * - `oauth_clients.refused_at` / `refusal`: the provider refuses this registered client's
 *   credentials (`client_invalid`); every connection of the client pauses until an administrator
 *   updates the client. `paused_until` / `pause`: the provider asked to slow down (HTTP 429,
 *   `Retry-After`); shared by every instance on the database.
 * - `reconnect_outreach`: signed, single-use, expiring reconnect links sent to end users (by email
 *   or handed to the feature). Only the link's id is stored — the signature is recomputed.
 */
// biome-ignore lint/suspicious/noExplicitAny: frozen migrations must not depend on today's table types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('connections').addColumn('health_cause', 'text').execute();
  await db.schema.alterTable('connections').addColumn('health_evidence', 'text').execute();
  await db.schema.alterTable('oauth_clients').addColumn('refused_at', 'bigint').execute();
  await db.schema.alterTable('oauth_clients').addColumn('refusal', 'text').execute();
  await db.schema.alterTable('oauth_clients').addColumn('paused_until', 'bigint').execute();
  await db.schema.alterTable('oauth_clients').addColumn('pause', 'text').execute();
  await db.schema
    .createTable('reconnect_outreach')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('connection_ref', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('recipient', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('sent_at', 'bigint')
    .addColumn('used_at', 'bigint')
    .addColumn('completed_at', 'bigint')
    .addColumn('last_error', 'text')
    .execute();
  await db.schema
    .createIndex('reconnect_outreach_connection')
    .on('reconnect_outreach')
    .columns(['connection_ref', 'created_at'])
    .execute();
  await db.schema
    .createIndex('reconnect_outreach_created')
    .on('reconnect_outreach')
    .column('created_at')
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: frozen migrations must not depend on today's table types
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('reconnect_outreach').execute();
  for (const c of ['pause', 'paused_until', 'refusal', 'refused_at'])
    await db.schema.alterTable('oauth_clients').dropColumn(c).execute();
  await db.schema.alterTable('connections').dropColumn('health_evidence').execute();
  await db.schema.alterTable('connections').dropColumn('health_cause').execute();
}
