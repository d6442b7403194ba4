import { randomUUID } from 'node:crypto';
import { type Kysely, type Selectable, sql } from 'kysely';
import type { ApiAudience, Application, ApplicationCredentials, ClientType } from '../domain/application.ts';
import { toDate } from './json.ts';
import type { ApplicationRepository, ApplicationUpdate, NewApplication } from './provider-role.ports.ts';
import type { ApplicationsTable, Database } from './schema.ts';

type Row = Selectable<ApplicationsTable> & { organization_name: string };

const splitScopes = (s: string): string[] => (s ? s.split(' ') : []);

function toApplication(row: Row): Application {
  return {
    id: row.id,
    clientId: row.client_id,
    organizationId: row.organization_id,
    organizationName: row.organization_name,
    name: row.name,
    ownerEmail: row.owner_email,
    audience: row.audience as ApiAudience,
    scopes: splitScopes(row.scopes),
    tokenLifetimeSeconds: Number(row.token_lifetime),
    active: Number(row.active) === 1,
    tokensValidFrom: toDate(row.tokens_valid_from),
    previousSecretValidUntil: row.previous_secret_hash ? toDate(row.previous_secret_valid_until) : undefined,
    clientType: row.client_type === 'public' ? 'public' : 'confidential',
    redirectUris: splitScopes(row.redirect_uris),
    pkceExempt: Number(row.pkce_exempt) === 1,
    createdAt: new Date(Number(row.created_at)),
    updatedAt: new Date(Number(row.updated_at)),
  };
}

interface CredentialsRow {
  id: string;
  client_id: string;
  active: number;
  audience: string;
  scopes: string;
  token_lifetime: number;
  secret_hash: string;
  previous_secret_hash: string | null;
  previous_secret_valid_until: number | null;
  tokens_valid_from: number | null;
  client_type: string;
  redirect_uris: string;
  pkce_exempt: number;
}

function toCredentials(row: CredentialsRow): ApplicationCredentials {
  return {
    id: row.id,
    clientId: row.client_id,
    active: Number(row.active) === 1,
    audience: row.audience as ApiAudience,
    scopes: splitScopes(row.scopes),
    tokenLifetimeSeconds: Number(row.token_lifetime),
    secretHash: row.secret_hash,
    previousSecretHash: row.previous_secret_hash ?? undefined,
    previousSecretValidUntil:
      row.previous_secret_valid_until === null ? undefined : Number(row.previous_secret_valid_until),
    tokensValidFrom: row.tokens_valid_from === null ? undefined : Number(row.tokens_valid_from),
    clientType: (row.client_type === 'public' ? 'public' : 'confidential') as ClientType,
    redirectUris: splitScopes(row.redirect_uris),
    pkceExempt: Number(row.pkce_exempt) === 1,
  };
}

const CREDENTIAL_COLUMNS = [
  'id',
  'client_id',
  'active',
  'audience',
  'scopes',
  'token_lifetime',
  'secret_hash',
  'previous_secret_hash',
  'previous_secret_valid_until',
  'tokens_valid_from',
  'client_type',
  'redirect_uris',
  'pkce_exempt',
] as const;

/** LIKE pattern for a case-insensitive substring, with the user's % and _ taken literally. */
const containsPattern = (s: string) => `%${s.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * @param readOne a cached prepared statement (SQLite) or a named one (PostgreSQL) for the token
 *   endpoint's point read (Kysely prepares every statement anew; on the hot path that is most of
 *   the cost).
 */
export function createApplicationRepository(
  db: Kysely<Database>,
  readOne?: (sql: string, parameters: readonly unknown[]) => unknown,
): ApplicationRepository {
  const base = () =>
    db
      .selectFrom('applications')
      .innerJoin('organizations', 'organizations.id', 'applications.organization_id')
      .selectAll('applications')
      .select('organizations.name as organization_name');

  // The token endpoint's point read, compiled once (the dialect's placeholders).
  const credentialsQuery = db
    .selectFrom('applications')
    .select(CREDENTIAL_COLUMNS)
    .where('client_id', '=', '')
    .compile();

  return {
    async insert(input: NewApplication, now: Date) {
      const id = randomUUID();
      await db
        .insertInto('applications')
        .values({
          id,
          client_id: input.clientId,
          organization_id: input.organizationId,
          name: input.name,
          owner_email: input.ownerEmail,
          audience: input.audience,
          scopes: input.scopes.join(' '),
          token_lifetime: input.tokenLifetimeSeconds,
          active: input.active ? 1 : 0,
          secret_hash: input.secretHash,
          previous_secret_hash: null,
          previous_secret_valid_until: null,
          tokens_valid_from: null,
          client_type: input.clientType ?? 'confidential',
          redirect_uris: (input.redirectUris ?? []).join(' '),
          pkce_exempt: input.pkceExempt ? 1 : 0,
          created_at: now.getTime(),
          updated_at: now.getTime(),
        })
        .execute();
      return (await this.get(id))!;
    },
    async get(id) {
      const row = await base().where('applications.id', '=', id).executeTakeFirst();
      return row ? toApplication(row) : undefined;
    },
    async getByClientId(clientId) {
      const row = await base().where('applications.client_id', '=', clientId).executeTakeFirst();
      return row ? toApplication(row) : undefined;
    },
    async list(filter = {}) {
      let q = base().orderBy('organizations.name').orderBy('applications.name').orderBy('applications.id');
      if (filter.name)
        q = q.where(sql<boolean>`lower(applications.name) like ${containsPattern(filter.name)} escape '\\'`);
      if (filter.organization) {
        const org = filter.organization;
        q = q.where((eb) => eb.or([eb('organizations.id', '=', org), eb('organizations.name', '=', org)]));
      }
      if (filter.status) q = q.where('applications.active', '=', filter.status === 'active' ? 1 : 0);
      return (await q.execute()).map(toApplication);
    },
    async update(id, update: ApplicationUpdate, now) {
      const set: Partial<ApplicationsTable> = { updated_at: now.getTime() };
      if (update.name !== undefined) set.name = update.name;
      if (update.organizationId !== undefined) set.organization_id = update.organizationId;
      if (update.ownerEmail !== undefined) set.owner_email = update.ownerEmail;
      if (update.audience !== undefined) set.audience = update.audience;
      if (update.scopes !== undefined) set.scopes = update.scopes.join(' ');
      if (update.tokenLifetimeSeconds !== undefined) set.token_lifetime = update.tokenLifetimeSeconds;
      if (update.redirectUris !== undefined) set.redirect_uris = update.redirectUris.join(' ');
      if (update.pkceExempt !== undefined) set.pkce_exempt = update.pkceExempt ? 1 : 0;
      await db.updateTable('applications').set(set).where('id', '=', id).execute();
      return this.get(id);
    },
    async setActive(id, active, now) {
      const set: Partial<ApplicationsTable> = { active: active ? 1 : 0, updated_at: now.getTime() };
      if (!active) set.tokens_valid_from = now.getTime();
      await db.updateTable('applications').set(set).where('id', '=', id).execute();
      return this.get(id);
    },
    async rotateSecret(id, secretHash, previousValidUntil, now) {
      const r = await db
        .updateTable('applications')
        .set((eb) => ({
          previous_secret_hash: eb.ref('secret_hash'),
          previous_secret_valid_until: previousValidUntil.getTime(),
          secret_hash: secretHash,
          updated_at: now.getTime(),
        }))
        .where('id', '=', id)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) > 0;
    },
    async delete(id) {
      const r = await db.deleteFrom('applications').where('id', '=', id).executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    },
    async credentials(clientId) {
      if (readOne) {
        const row = (await readOne(credentialsQuery.sql, [clientId])) as CredentialsRow | undefined;
        return row ? toCredentials(row) : undefined;
      }
      const row = await db
        .selectFrom('applications')
        .select(CREDENTIAL_COLUMNS)
        .where('client_id', '=', clientId)
        .executeTakeFirst();
      return row ? toCredentials(row) : undefined;
    },
  };
}
