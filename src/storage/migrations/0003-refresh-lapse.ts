import type { Kysely } from 'kysely';

/**
 * Frozen. Scale-out (issue 5): refresh tokens with a documented lifetime.
 *
 * - `connections_lapse` on (status, refresh_expires_at): the background refresher finds the
 *   connections whose refresh token is about to lapse by index, so the cost follows those rows.
 * - `lapse_warned_at`: when the "about to lapse" warning was given for the current refresh token
 *   (cleared whenever a new refresh-token expiry is stored), so every instance warns once.
 * - `connections_lease` on (lease_until): leases that ran out with their owner still named are
 *   refreshes whose process died; the refresher finds those few rows by index and settles them.
 */
// biome-ignore lint/suspicious/noExplicitAny: frozen migrations must not depend on today's table types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('connections').addColumn('lapse_warned_at', 'bigint').execute();
  await db.schema
    .createIndex('connections_lapse')
    .on('connections')
    .columns(['status', 'refresh_expires_at'])
    .execute();
  await db.schema.createIndex('connections_lease').on('connections').column('lease_until').execute();
}

// biome-ignore lint/suspicious/noExplicitAny: frozen migrations must not depend on today's table types
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('connections_lease').execute();
  await db.schema.dropIndex('connections_lapse').execute();
  await db.schema.alterTable('connections').dropColumn('lapse_warned_at').execute();
}
