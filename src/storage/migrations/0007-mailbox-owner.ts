import type { Kysely } from 'kysely';

/**
 * Frozen. Mail consumer follow-ups (issue 7):
 *
 * - `owner_ref`: the console user who added the mailbox. Console pages show and act on one's own
 *   mailboxes only (administrators see all). Null for mailboxes made before this migration or by
 *   the platform/CLI without an owner: those are visible to administrators only.
 * - `connect_handoff`: the id of the pending `consentry mailboxes connect` link, so the server
 *   that follows the link starts the mailbox's own (`mail`) flow rather than a plain connection.
 *
 * Portable: text columns added one statement each (SQLite's ALTER TABLE adds one at a time).
 */
// biome-ignore lint/suspicious/noExplicitAny: frozen migrations must not depend on today's table types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('mailboxes').addColumn('owner_ref', 'text').execute();
  await db.schema.alterTable('mailboxes').addColumn('connect_handoff', 'text').execute();
  await db.schema.createIndex('mailboxes_owner').on('mailboxes').column('owner_ref').execute();
  await db.schema.createIndex('mailboxes_handoff').on('mailboxes').column('connect_handoff').execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('mailboxes_handoff').execute();
  await db.schema.dropIndex('mailboxes_owner').execute();
  await db.schema.alterTable('mailboxes').dropColumn('connect_handoff').execute();
  await db.schema.alterTable('mailboxes').dropColumn('owner_ref').execute();
}
