import { randomUUID } from 'node:crypto';
import {
  CompiledQuery,
  type ExpressionBuilder,
  type Kysely,
  PostgresAdapter,
  type Selectable,
  sql,
  type Updateable,
} from 'kysely';
import type { Connection, ConnectionGrant, ConnectionStatus, GrantRequest } from '../domain/connection.ts';
import type { HealthState } from '../domain/connection-health.ts';
import { aadFor, type SecretBox } from '../secrets/secret-box.ts';
import type { DatabaseHandle } from './database.ts';
import { parseJson, toDate } from './json.ts';
import { type FencedWrite, pgGroupCommit } from './pg-group-commit.ts';
import type {
  ClaimedConnection,
  ConnectionRepository,
  ConnectionSummary,
  NewConnection,
  TokenFields,
} from './ports.ts';
import type { ConnectionsTable, Database } from './schema.ts';

const accessAad = (id: string) => aadFor('connections', 'access_token', id);
const refreshAad = (id: string) => aadFor('connections', 'refresh_token', id);
const dpopAad = (id: string) => aadFor('connections', 'dpop_key', id);

/** `accessToken`: the plaintext when the caller holds it already (just sealed it): not opened again. */
function toConnection(row: Selectable<ConnectionsTable>, box: SecretBox, accessToken?: string): Connection {
  return {
    id: row.id,
    clientRef: row.client_ref,
    providerKey: row.provider_key,
    purpose: row.purpose,
    payload: parseJson(row.payload, {}),
    grantType: (row.grant_type ?? 'authorization_code') as ConnectionGrant,
    grantRequest: parseJson<GrantRequest | undefined>(row.grant_request ?? null, undefined),
    account: row.account ?? undefined,
    subject: row.subject ?? undefined,
    issuer: row.issuer ?? undefined,
    accessToken: accessToken ?? box.open(row.access_token, accessAad(row.id)),
    tokenType: row.token_type,
    scopes: row.scopes ? row.scopes.split(' ') : [],
    expiresAt: toDate(row.expires_at),
    refreshExpiresAt: toDate(row.refresh_expires_at),
    hasRefreshToken: row.refresh_token !== null,
    idTokenClaims: parseJson(row.id_token_claims, undefined),
    extras: parseJson(row.extras, {}),
    tokenHost: row.token_host ?? undefined,
    dpopBound: row.dpop_key != null,
    status: row.status as ConnectionStatus,
    statusReason: row.status_reason ?? undefined,
    lastRefreshAt: toDate(row.last_refresh_at),
    lastError: row.last_error ?? undefined,
    failureCount: Number(row.failure_count),
    nextAttemptAt: toDate(row.next_attempt_at),
    health: row.health_cause ? parseJson<HealthState | undefined>(row.health_evidence, undefined) : undefined,
    version: Number(row.version),
    leaseOwner: row.lease_owner ?? undefined,
    leaseUntil: toDate(row.lease_until),
    createdAt: new Date(Number(row.created_at)),
    updatedAt: new Date(Number(row.updated_at)),
  };
}

/** What `listSummaries` reads: `toConnection`'s listed fields, never a sealed column. */
const SUMMARY_COLUMNS = [
  'id',
  'client_ref',
  'provider_key',
  'purpose',
  'payload',
  'grant_type',
  'account',
  'scopes',
  'status',
  'status_reason',
  'expires_at',
  'refresh_expires_at',
  'last_refresh_at',
  'last_error',
  'next_attempt_at',
  'health_cause',
  'health_evidence',
  'created_at',
] as const satisfies readonly (keyof ConnectionsTable)[];

type SummaryRow = Pick<Selectable<ConnectionsTable>, (typeof SUMMARY_COLUMNS)[number]> & {
  /** `refresh_token IS NOT NULL`: 0/1 on SQLite, a boolean on PostgreSQL. */
  has_refresh_token: unknown;
};

/** The same fields as `toConnection`, read the same way. */
function toSummary(row: SummaryRow): ConnectionSummary {
  return {
    id: row.id,
    clientRef: row.client_ref,
    providerKey: row.provider_key,
    purpose: row.purpose,
    payload: parseJson(row.payload, {}),
    grantType: (row.grant_type ?? 'authorization_code') as ConnectionGrant,
    account: row.account ?? undefined,
    scopes: row.scopes ? row.scopes.split(' ') : [],
    status: row.status as ConnectionStatus,
    statusReason: row.status_reason ?? undefined,
    expiresAt: toDate(row.expires_at),
    refreshExpiresAt: toDate(row.refresh_expires_at),
    hasRefreshToken: Boolean(row.has_refresh_token),
    lastRefreshAt: toDate(row.last_refresh_at),
    lastError: row.last_error ?? undefined,
    nextAttemptAt: toDate(row.next_attempt_at),
    health: row.health_cause ? parseJson<HealthState | undefined>(row.health_evidence, undefined) : undefined,
    createdAt: new Date(Number(row.created_at)),
  };
}

/** The columns a token write sets; the refresh token only when a new one arrived. */
function tokenColumns(id: string, token: TokenFields, box: SecretBox): Updateable<ConnectionsTable> {
  const set: Updateable<ConnectionsTable> = {
    access_token: box.seal(token.accessToken, accessAad(id)),
    token_type: token.tokenType,
    scopes: token.scopes.join(' '),
    expires_at: token.expiresAt?.getTime() ?? null,
  };
  if (token.refreshToken !== undefined) set.refresh_token = box.seal(token.refreshToken, refreshAad(id));
  if (token.refreshExpiresAt !== undefined) {
    set.refresh_expires_at = token.refreshExpiresAt.getTime();
    // A new refresh token: any "about to lapse" warning was about the previous one. (An echoed
    // token whose provider restates its remaining lifetime keeps its warning.)
    if (token.refreshToken !== undefined) set.lapse_warned_at = null;
  }
  if (token.idTokenClaims !== undefined) set.id_token_claims = JSON.stringify(token.idTokenClaims);
  if (token.extras !== undefined) set.extras = JSON.stringify(token.extras);
  if (token.tokenHost !== undefined) set.token_host = token.tokenHost;
  if (token.dpopKey !== undefined)
    set.dpop_key = token.dpopKey === null ? null : box.seal(token.dpopKey, dpopAad(id));
  return set;
}

/**
 * The commit's SQL depends only on which columns it sets (a rotated refresh token, claims, …):
 * compiled by Kysely once per set of columns, then reused with the values in the same order —
 * building and compiling the query cost more than the write itself (issue 11 profile). A shape
 * is kept only when Kysely's parameters are exactly the values in that order.
 */
function commitCompiler() {
  const shapes = new Map<string, string>();
  return (set: Record<string, unknown>, where: unknown[], compile: () => CompiledQuery): CompiledQuery => {
    const key = Object.keys(set).join(',');
    const parameters = [...Object.values(set), ...where];
    const sql = shapes.get(key);
    if (sql !== undefined) return CompiledQuery.raw(sql, parameters);
    const query = compile();
    if (
      query.parameters.length === parameters.length &&
      query.parameters.every((p, i) => p === parameters[i])
    ) {
      if (shapes.size >= 256) shapes.clear();
      shapes.set(key, query.sql);
    }
    return query;
  };
}

export function createConnectionRepository(
  db: Kysely<Database>,
  box: SecretBox,
  readOne?: (sql: string, parameters: readonly unknown[]) => unknown,
  writeReturning?: DatabaseHandle['writeReturning'],
): ConnectionRepository {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const compiledCommit = commitCompiler();
  /** The fenced refresh commit, returning the committed row (no read after it). */
  const commitQuery = (set: Record<string, unknown>, fence: { id: string; version: number; owner: string }) =>
    compiledCommit(set, [fence.id, fence.version, fence.owner], () =>
      db
        .updateTable('connections')
        .set(set)
        .where('id', '=', fence.id)
        .where('version', '=', fence.version)
        .where('lease_owner', '=', fence.owner)
        .returningAll()
        .compile(),
    );
  const singleCommit: FencedWrite = async (set, fence) =>
    (await db.executeQuery<Selectable<ConnectionsTable>>(commitQuery(set, fence))).rows[0];
  // Both engines group the commits of one turn of the event loop (issue 11): SQLite in one
  // transaction of cached prepared statements, PostgreSQL in one statement (pg-group-commit.ts).
  const sqliteCommit: FencedWrite = async (set, fence) => {
    const query = commitQuery(set, fence);
    const grouped = await writeReturning?.(query.sql, query.parameters);
    return grouped
      ? (grouped.row as Selectable<ConnectionsTable> | undefined)
      : (await db.executeQuery<Selectable<ConnectionsTable>>(query)).rows[0];
  };
  const pgCommit = pgGroupCommit(db, singleCommit);
  // The hot path (ensureFresh on a valid token): compiled once, run with new parameters each time.
  const byId = db.selectFrom('connections').selectAll().where('id', '=', '').compile();
  const usableById = db
    .selectFrom('connections')
    .select([
      'id',
      'status',
      'access_token',
      'token_type',
      'scopes',
      'expires_at',
      'id_token_claims',
      'extras',
    ])
    .where('id', '=', '')
    .compile();
  type UsableRow = Pick<
    Selectable<ConnectionsTable>,
    'id' | 'status' | 'access_token' | 'token_type' | 'scopes' | 'expires_at' | 'id_token_claims' | 'extras'
  >;
  const getUsable = async (id: string) => {
    const row = readOne
      ? ((await readOne(usableById.sql, [id])) as UsableRow | undefined)
      : (await db.executeQuery<UsableRow>({ ...usableById, parameters: [id] })).rows[0];
    if (!row) return undefined;
    return {
      id: row.id,
      status: row.status as ConnectionStatus,
      accessToken: box.open(row.access_token, accessAad(row.id)),
      tokenType: row.token_type,
      scopes: row.scopes ? row.scopes.split(' ') : [],
      expiresAt: toDate(row.expires_at),
      idTokenClaims: parseJson<Record<string, unknown> | undefined>(row.id_token_claims, undefined),
      extras: parseJson<Record<string, string>>(row.extras, {}),
    };
  };
  const get = async (id: string) => {
    const row = readOne
      ? ((await readOne(byId.sql, [id])) as Selectable<ConnectionsTable> | undefined)
      : (await db.executeQuery<Selectable<ConnectionsTable>>({ ...byId, parameters: [id] })).rows[0];
    return row ? toConnection(row, box) : undefined;
  };
  return {
    get,
    getUsable,
    async insert(input: NewConnection, now: Date) {
      const id = randomUUID();
      const t = now.getTime();
      await db
        .insertInto('connections')
        .values({
          id,
          client_ref: input.clientRef,
          provider_key: input.providerKey,
          purpose: input.purpose,
          payload: JSON.stringify(input.payload),
          account: input.account ?? null,
          subject: input.subject ?? null,
          issuer: input.issuer ?? null,
          access_token: box.seal(input.accessToken, accessAad(id)),
          refresh_token: input.refreshToken ? box.seal(input.refreshToken, refreshAad(id)) : null,
          token_type: input.tokenType,
          scopes: input.scopes.join(' '),
          expires_at: input.expiresAt?.getTime() ?? null,
          refresh_expires_at: input.refreshExpiresAt?.getTime() ?? null,
          id_token_claims: input.idTokenClaims ? JSON.stringify(input.idTokenClaims) : null,
          extras: JSON.stringify(input.extras ?? {}),
          token_host: input.tokenHost ?? null,
          dpop_key: input.dpopKey ? box.seal(input.dpopKey, dpopAad(id)) : null,
          grant_type: input.grantType ?? 'authorization_code',
          grant_request: input.grantRequest ? JSON.stringify(input.grantRequest) : null,
          grant_key: input.grantKey ?? null,
          status: 'active',
          status_reason: null,
          last_refresh_at: null,
          last_error: null,
          next_attempt_at: null,
          lease_owner: null,
          lease_until: null,
          created_at: t,
          updated_at: t,
        })
        .execute();
      return (await get(id))!;
    },
    async findByGrantKey(clientRef, grantKey) {
      const row = await db
        .selectFrom('connections')
        .selectAll()
        .where('client_ref', '=', clientRef)
        .where('grant_key', '=', grantKey)
        .executeTakeFirst();
      return row ? toConnection(row, box) : undefined;
    },
    async list(filter = {}) {
      let q = db.selectFrom('connections').selectAll().orderBy('created_at', 'desc').orderBy('id');
      if (filter.clientRef) q = q.where('client_ref', '=', filter.clientRef);
      if (filter.status) q = q.where('status', '=', filter.status);
      if (filter.purpose) q = q.where('purpose', '=', filter.purpose);
      return (await q.execute()).map((r) => toConnection(r, box));
    },
    async listSummaries(filter = {}) {
      let q = db
        .selectFrom('connections')
        .select(SUMMARY_COLUMNS)
        .select((eb) => eb('refresh_token', 'is not', null).as('has_refresh_token'))
        .orderBy('created_at', 'desc')
        .orderBy('id');
      if (filter.clientRef) q = q.where('client_ref', '=', filter.clientRef);
      if (filter.status) q = q.where('status', '=', filter.status);
      if (filter.purpose) q = q.where('purpose', '=', filter.purpose);
      return (await q.execute()).map(toSummary);
    },
    async refreshTokenOf(id) {
      const row = await db
        .selectFrom('connections')
        .select('refresh_token')
        .where('id', '=', id)
        .executeTakeFirst();
      return row?.refresh_token ? box.open(row.refresh_token, refreshAad(id)) : undefined;
    },
    async dpopKeyOf(id) {
      const row = await db
        .selectFrom('connections')
        .select('dpop_key')
        .where('id', '=', id)
        .executeTakeFirst();
      return row?.dpop_key ? box.open(row.dpop_key, dpopAad(id)) : undefined;
    },
    async tryAcquireLease(id, owner, until, now) {
      const r = await db
        .updateTable('connections')
        .set({ lease_owner: owner, lease_until: until.getTime() })
        .where('id', '=', id)
        // Only an active connection is refreshed: a lease on a needs_reauth or revoked row would
        // outlive a process killed between acquiring and noticing the status.
        .where('status', '=', 'active')
        .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now.getTime())]))
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    async renewLease(id, owner, until) {
      const r = await db
        .updateTable('connections')
        .set({ lease_until: until.getTime() })
        .where('id', '=', id)
        .where('lease_owner', '=', owner)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    async releaseLease(id, owner) {
      await db
        .updateTable('connections')
        .set({ lease_owner: null, lease_until: null })
        .where('id', '=', id)
        .where('lease_owner', '=', owner)
        .execute();
    },
    async commitRefresh(id, fence, token, now) {
      const set: Updateable<ConnectionsTable> = {
        ...tokenColumns(id, token, box),
        version: fence.version + 1,
        lease_owner: null,
        lease_until: null,
        status: 'active',
        status_reason: null,
        last_refresh_at: now.getTime(),
        last_error: null,
        failure_count: 0,
        next_attempt_at: null,
        health_cause: null,
        health_evidence: null,
        updated_at: now.getTime(),
      };
      const fenced = { id, version: fence.version, owner: fence.owner };
      const row = postgres ? await pgCommit(set, fenced) : await sqliteCommit(set, fenced);
      return row ? toConnection(row as Selectable<ConnectionsTable>, box, token.accessToken) : undefined;
    },
    async replaceTokens(id, token, now) {
      await db
        .updateTable('connections')
        .set((eb) => ({
          ...tokenColumns(id, token, box),
          version: eb('version', '+', 1),
          status: 'active',
          status_reason: null,
          last_error: null,
          failure_count: 0,
          next_attempt_at: null,
          lease_owner: null,
          lease_until: null,
          health_cause: null,
          health_evidence: null,
          updated_at: now.getTime(),
        }))
        .where('id', '=', id)
        .execute();
    },
    async recordFailure(id, owner, failure, now) {
      await db
        .updateTable('connections')
        .set((eb) => ({
          last_error: failure.error,
          failure_count: eb('failure_count', '+', 1),
          next_attempt_at: failure.nextAttemptAt.getTime(),
          ...(failure.health
            ? { health_cause: failure.health.cause, health_evidence: JSON.stringify(failure.health) }
            : {}),
          lease_owner: null,
          lease_until: null,
          updated_at: now.getTime(),
        }))
        .where('id', '=', id)
        .where('lease_owner', '=', owner)
        .execute();
    },
    async markNeedsReauth(id, fence, reason, now, health) {
      const r = await db
        .updateTable('connections')
        .set({
          status: 'needs_reauth',
          status_reason: reason,
          last_error: reason,
          ...(health ? { health_cause: health.cause, health_evidence: JSON.stringify(health) } : {}),
          lease_owner: null,
          lease_until: null,
          updated_at: now.getTime(),
        })
        .where('id', '=', id)
        .where('version', '=', fence.version)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    async setStatus(id, status, reason, now) {
      await db
        .updateTable('connections')
        .set({ status, status_reason: reason ?? null, updated_at: now.getTime() })
        .where('id', '=', id)
        .execute();
    },
    async listDue(before, now, limit) {
      // A range scan of connections_due (status, expires_at) in index order, stopping at `limit`:
      // the cost follows the due rows, not the table. Rows cooling down or leased (being refreshed
      // by another instance right now) are skipped.
      const rows = await db
        .selectFrom('connections')
        .selectAll()
        .where('status', '=', 'active')
        .where('expires_at', '<', before.getTime())
        // Renewable: a refresh token, or a grant that is simply run again (0017).
        .where((eb) =>
          eb.or([eb('refresh_token', 'is not', null), eb('grant_type', '!=', 'authorization_code')]),
        )
        .where((eb) => eb.or([eb('next_attempt_at', 'is', null), eb('next_attempt_at', '<=', now.getTime())]))
        .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now.getTime())]))
        // Clients the provider refuses or rate-limits are skipped (a handful of rows, by key).
        .where('client_ref', 'not in', (eb) =>
          eb
            .selectFrom('oauth_clients')
            .select('id')
            .where((w) => w.or([w('refused_at', 'is not', null), w('paused_until', '>', now.getTime())])),
        )
        .orderBy('status')
        .orderBy('expires_at')
        .limit(limit)
        .execute();
      return rows.map((r) => toConnection(r, box));
    },
    async claimDue(before, now, limit, lease) {
      const t = now.getTime();
      const leaseFree = (eb: ExpressionBuilder<Database, 'connections'>) =>
        eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', t)]);
      // The same selection as listDue (a range scan of connections_due stopping at `limit`)…
      let due = db
        .selectFrom('connections')
        .select('id')
        .where('status', '=', 'active')
        .where('expires_at', '<', before.getTime())
        // Renewable: a refresh token, or a grant that is simply run again (0017).
        .where((eb) =>
          eb.or([eb('refresh_token', 'is not', null), eb('grant_type', '!=', 'authorization_code')]),
        )
        .where((eb) => eb.or([eb('next_attempt_at', 'is', null), eb('next_attempt_at', '<=', t)]))
        .where(leaseFree)
        .where('client_ref', 'not in', (eb) =>
          eb
            .selectFrom('oauth_clients')
            .select('id')
            .where((w) => w.or([w('refused_at', 'is not', null), w('paused_until', '>', t)])),
        )
        .orderBy('status')
        .orderBy('expires_at')
        .limit(limit);
      // …locked on PostgreSQL so that a concurrent claimer skips these rows instead of waiting.
      if (postgres) due = due.forUpdate().skipLocked();
      let claim = db
        .updateTable('connections')
        .set({ lease_owner: lease.owner, lease_until: lease.until.getTime() })
        // PostgreSQL: `= any(array(…))` runs the selection once (an InitPlan); under `in (…)` the
        // planner may run it per row, each run skipping other locked rows — past the limit.
        .where(postgres ? sql<boolean>`${sql.ref('id')} = any(array(${due}))` : (eb) => eb('id', 'in', due));
      // PostgreSQL: checked again on the row being written (it re-evaluates them on the latest
      // version). Not on SQLite: the one writer runs the selection and the write in one statement,
      // so they hold already — and an outer `status = ?` made SQLite's planner walk every active
      // row by the status index testing `id IN (…)`, O(all connections) per claim (seen as
      // throughput falling with the table's size, issue 11); by `id` alone it is 256 key lookups.
      if (postgres) claim = claim.where('status', '=', 'active').where(leaseFree);
      const rows = await claim
        .returningAll()
        .returning((eb) =>
          eb
            .selectFrom('oauth_clients')
            .select('oauth_clients.updated_at')
            .whereRef('oauth_clients.id', '=', 'connections.client_ref')
            .as('client_stamp'),
        )
        .execute();
      return rows
        .map(
          (row): ClaimedConnection => ({
            connection: toConnection(row, box),
            refreshToken: row.refresh_token ? box.open(row.refresh_token, refreshAad(row.id)) : undefined,
            owner: lease.owner,
            leaseUntil: lease.until,
            clientStamp: row.client_stamp == null ? undefined : Number(row.client_stamp),
          }),
        )
        .sort((a, b) => (a.connection.expiresAt?.getTime() ?? 0) - (b.connection.expiresAt?.getTime() ?? 0));
    },
    async listLapsing(before, now, limit) {
      // Same shape on connections_lapse (status, refresh_expires_at).
      const rows = await db
        .selectFrom('connections')
        .selectAll()
        .where('status', '=', 'active')
        .where('refresh_expires_at', '<', before.getTime())
        .where('refresh_token', 'is not', null)
        .where('lapse_warned_at', 'is', null)
        .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now.getTime())]))
        .orderBy('status')
        .orderBy('refresh_expires_at')
        .limit(limit)
        .execute();
      return rows.map((r) => toConnection(r, box));
    },
    async listAbandoned(now, limit) {
      // connections_lease: only rows with a lease set are in range (NULLs sort apart).
      const rows = await db
        .selectFrom('connections')
        .selectAll()
        .where('lease_until', '<', now.getTime())
        .where('lease_owner', 'is not', null)
        .where('status', '=', 'active')
        .orderBy('lease_until')
        .limit(limit)
        .execute();
      return rows.map((r) => toConnection(r, box));
    },
    async markLapseWarned(id, refreshExpiresAt, now) {
      const r = await db
        .updateTable('connections')
        .set({ lapse_warned_at: now.getTime() })
        .where('id', '=', id)
        .where('lapse_warned_at', 'is', null)
        .where('refresh_expires_at', '=', refreshExpiresAt.getTime())
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    async delete(id) {
      const r = await db.deleteFrom('connections').where('id', '=', id).executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    },
  };
}
