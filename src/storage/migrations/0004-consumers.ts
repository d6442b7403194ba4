import type { Kysely } from 'kysely';

/**
 * Frozen: never edit after release; add a new migration instead.
 * The built-in consumers' own tables (mail accounts, sign-in links and tickets). Portable to
 * SQLite and PostgreSQL: text, bigint (epoch milliseconds) and integer only. No foreign keys to
 * other areas' tables: a dangling connection or user reference is handled in code ("not connected").
 */
// biome-ignore lint/suspicious/noExplicitAny: frozen migrations must not depend on today's table types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('mailboxes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('client_ref', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('display_name', 'text')
    .addColumn('imap_host', 'text', (c) => c.notNull())
    .addColumn('imap_port', 'integer', (c) => c.notNull())
    .addColumn('imap_security', 'text', (c) => c.notNull())
    .addColumn('smtp_host', 'text', (c) => c.notNull())
    .addColumn('smtp_port', 'integer', (c) => c.notNull())
    .addColumn('smtp_security', 'text', (c) => c.notNull())
    .addColumn('connection_ref', 'text')
    .addColumn('health_note', 'text')
    .addColumn('last_error', 'text')
    .addColumn('last_used_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('mailboxes_connection').on('mailboxes').column('connection_ref').execute();

  // (issuer, subject) → local user: the stable identity of an OpenID account (OIDC Core §5.7).
  await db.schema
    .createTable('signin_links')
    .addColumn('issuer', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('user_ref', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('last_sign_in_at', 'bigint')
    .addPrimaryKeyConstraint('signin_links_pk', ['issuer', 'subject'])
    .execute();
  await db.schema.createIndex('signin_links_user').on('signin_links').column('user_ref').execute();

  // One-time hand-over from the callback to the session: only the ticket's hash is stored.
  await db.schema
    .createTable('signin_tickets')
    .addColumn('ticket_hash', 'text', (c) => c.primaryKey())
    .addColumn('session_hash', 'text', (c) => c.notNull())
    .addColumn('user_ref', 'text', (c) => c.notNull())
    .addColumn('return_to', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('signin_tickets').ifExists().execute();
  await db.schema.dropTable('signin_links').ifExists().execute();
  await db.schema.dropTable('mailboxes').ifExists().execute();
}
