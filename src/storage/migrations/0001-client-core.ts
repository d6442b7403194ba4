import { type Kysely, sql } from 'kysely';

/**
 * Frozen: never edit after release; add a new migration instead.
 * Portable to SQLite and PostgreSQL: text, bigint (epoch milliseconds) and integer only.
 */
// biome-ignore lint/suspicious/noExplicitAny: frozen migrations must not depend on today's table types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('oauth_clients')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('provider_key', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('client_secret', 'text')
    .addColumn('template_values', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('options', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('oauth_clients_provider').on('oauth_clients').column('provider_key').execute();
  await db.schema
    .createIndex('oauth_clients_name')
    .on('oauth_clients')
    .columns(['provider_key', 'name'])
    .unique()
    .execute();

  await db.schema
    .createTable('connections')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('client_ref', 'text', (c) => c.notNull().references('oauth_clients.id').onDelete('cascade'))
    .addColumn('provider_key', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('account', 'text')
    .addColumn('subject', 'text')
    .addColumn('issuer', 'text')
    .addColumn('access_token', 'text', (c) => c.notNull())
    .addColumn('refresh_token', 'text')
    .addColumn('token_type', 'text', (c) => c.notNull())
    .addColumn('scopes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('expires_at', 'bigint')
    .addColumn('refresh_expires_at', 'bigint')
    .addColumn('id_token_claims', 'text')
    .addColumn('extras', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('status_reason', 'text')
    .addColumn('last_refresh_at', 'bigint')
    .addColumn('last_error', 'text')
    .addColumn('failure_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'bigint')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('lease_owner', 'text')
    .addColumn('lease_until', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  // The background refresher selects active connections by expiry: its cost follows the due rows.
  await db.schema
    .createIndex('connections_due')
    .on('connections')
    .columns(['status', 'expires_at'])
    .execute();
  await db.schema.createIndex('connections_client').on('connections').column('client_ref').execute();

  await db.schema
    .createTable('flows')
    .addColumn('state_hash', 'text', (c) => c.primaryKey())
    .addColumn('session_hash', 'text', (c) => c.notNull())
    .addColumn('client_ref', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('return_url', 'text', (c) => c.notNull())
    .addColumn('code_verifier', 'text')
    .addColumn('nonce', 'text')
    .addColumn('expected_issuer', 'text')
    .addColumn('scopes', 'text', (c) => c.notNull())
    .addColumn('reconnect_ref', 'text')
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('flows_expiry').on('flows').column('expires_at').execute();

  // Storage for the built-in demo provider (oidc-provider adapter), so its grants survive restarts.
  await db.schema
    .createTable('demo_oidc_models')
    .addColumn('model', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('grant_id', 'text')
    .addColumn('user_code', 'text')
    .addColumn('uid', 'text')
    .addColumn('expires_at', 'bigint')
    .addPrimaryKeyConstraint('demo_oidc_models_pk', ['model', 'id'])
    .execute();
  await db.schema.createIndex('demo_oidc_models_grant').on('demo_oidc_models').column('grant_id').execute();
  await db.schema.createIndex('demo_oidc_models_uid').on('demo_oidc_models').column('uid').execute();

  await sql`select 1`.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: frozen migrations must not depend on today's table types
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['demo_oidc_models', 'flows', 'connections', 'oauth_clients'])
    await db.schema.dropTable(t).execute();
}
