import type { Kysely, Selectable } from 'kysely';
import type { DatabaseHandle } from './database.ts';
import type {
  AuthorizationCodeRecord,
  AuthorizationRepository,
  DeviceAuthorizationRecord,
  DeviceStatus,
  GrantRecord,
  RefreshTokenContext,
  RefreshTokenKey,
} from './provider-role.ports.ts';
import type {
  Database,
  OAuthCodesTable,
  OAuthDeviceAuthorizationsTable,
  OAuthGrantsTable,
} from './schema.ts';

const split = (s: string): string[] => (s ? s.split(' ') : []);
const num = (v: number | string | null): number | undefined => (v === null ? undefined : Number(v));

function toGrant(r: Selectable<OAuthGrantsTable>): GrantRecord {
  return {
    id: r.id,
    applicationId: r.application_id,
    clientId: r.client_id,
    userId: r.user_id,
    scopes: split(r.scopes),
    audience: r.audience,
    authTime: Number(r.auth_time),
    createdAt: Number(r.created_at),
    revokedAt: num(r.revoked_at),
    revokedReason: r.revoked_reason ?? undefined,
  };
}

function toCode(r: Selectable<OAuthCodesTable>): AuthorizationCodeRecord {
  return {
    codeHash: r.code_hash,
    clientId: r.client_id,
    userId: r.user_id,
    redirectUri: r.redirect_uri,
    codeChallenge: r.code_challenge ?? undefined,
    scopes: split(r.scopes),
    audience: r.audience,
    authTime: Number(r.auth_time),
    expiresAt: Number(r.expires_at),
    usedAt: num(r.used_at),
    grantId: r.grant_id ?? undefined,
  };
}

function toDevice(r: Selectable<OAuthDeviceAuthorizationsTable>): DeviceAuthorizationRecord {
  return {
    deviceCodeHash: r.device_code_hash,
    userCode: r.user_code,
    clientId: r.client_id,
    scopes: split(r.scopes),
    audience: r.audience,
    intervalSeconds: Number(r.interval_seconds),
    status: r.status as DeviceStatus,
    userId: r.user_id ?? undefined,
    authTime: num(r.auth_time),
    lastPollAt: num(r.last_poll_at),
    expiresAt: Number(r.expires_at),
  };
}

const updated = (r: { numUpdatedRows: bigint }) => Number(r.numUpdatedRows) > 0;

/** One row of `refreshTokenContext`: the token's columns, its grant's, and the user's state. */
interface RefreshContextRow {
  grant_id: string;
  expires_at: number | string;
  used_at: number | string | null;
  application_id: string;
  client_id: string;
  user_id: string;
  scopes: string;
  audience: string;
  auth_time: number | string;
  created_at: number | string;
  revoked_at: number | string | null;
  revoked_reason: string | null;
  user_present: string | null;
  user_disabled: number | string | null;
}

// Rotation's two statements, written out once (the hot path runs them on cached statements).
// Both address the key (grant_id, token_hash) of 0019: the used-mark and the successor usually
// land on the same page of the table, the grant's.
const USE_REFRESH_TOKEN_SQLITE =
  'UPDATE oauth_refresh_tokens SET used_at = ? WHERE grant_id = ? AND token_hash = ? AND used_at IS NULL';
const INSERT_REFRESH_TOKEN_SQLITE =
  'INSERT INTO oauth_refresh_tokens (grant_id, token_hash, expires_at, used_at, created_at) VALUES (?, ?, ?, NULL, ?)';
/**
 * PostgreSQL: one statement, so one round trip and atomic by itself. A concurrent rotation of the
 * same token waits for the row lock, re-checks `used_at IS NULL` (READ COMMITTED), updates nothing
 * and so inserts nothing. The successor joins the used token's grant.
 */
const ROTATE_REFRESH_TOKEN_POSTGRES = `WITH used AS (
  UPDATE oauth_refresh_tokens SET used_at = $1::bigint
  WHERE grant_id = $2::text AND token_hash = $3::text AND used_at IS NULL RETURNING grant_id
) INSERT INTO oauth_refresh_tokens (grant_id, token_hash, expires_at, used_at, created_at)
  SELECT grant_id, $4::text, $5::bigint, NULL, $1::bigint FROM used RETURNING token_hash`;

/**
 * Issue 14's state on SQLite or PostgreSQL; single-use steps are conditional UPDATEs.
 *
 * @param hot the refresh grant's hot path (issue 14's benchmark): `readOne` runs the joined read
 *   on a cached prepared statement (SQLite) or a named one (PostgreSQL), and rotation is one
 *   transaction (`transactSync`, SQLite) or one statement (PostgreSQL) instead of Kysely's
 *   statements, each prepared anew. Without it every query goes through Kysely.
 */
export function createAuthorizationRepository(
  db: Kysely<Database>,
  hot: Partial<Pick<DatabaseHandle, 'dialect' | 'readOne' | 'transactSync'>> = {},
): AuthorizationRepository {
  // Compiled once (dialect placeholders), run with new parameters each time.
  const refreshContextQuery = db
    .selectFrom('oauth_refresh_tokens as t')
    .innerJoin('oauth_grants as g', 'g.id', 't.grant_id')
    .leftJoin('console_users as u', 'u.id', 'g.user_id')
    .select([
      't.grant_id',
      't.expires_at',
      't.used_at',
      'g.application_id',
      'g.client_id',
      'g.user_id',
      'g.scopes',
      'g.audience',
      'g.auth_time',
      'g.created_at',
      'g.revoked_at',
      'g.revoked_reason',
      'u.id as user_present',
      'u.disabled as user_disabled',
    ])
    .where('t.grant_id', '=', '')
    .where('t.token_hash', '=', '')
    .compile();
  const { readOne, transactSync } = hot;

  /**
   * The grant a refresh token belongs to: named by the token itself since 0019; for a token
   * issued before, found by its hash in `oauth_legacy_refresh_tokens` (a rare path).
   */
  async function grantOf(key: RefreshTokenKey): Promise<string | undefined> {
    if (key.grantId !== undefined) return key.grantId;
    const r = await db
      .selectFrom('oauth_legacy_refresh_tokens')
      .select('grant_id')
      .where('token_hash', '=', key.tokenHash)
      .executeTakeFirst();
    return r?.grant_id;
  }

  return {
    async consentScopes(userId, applicationId) {
      const r = await db
        .selectFrom('oauth_consents')
        .select('scopes')
        .where('user_id', '=', userId)
        .where('application_id', '=', applicationId)
        .executeTakeFirst();
      return r ? split(r.scopes) : undefined;
    },
    async saveConsent(userId, applicationId, scopes, now) {
      await db
        .insertInto('oauth_consents')
        .values({
          user_id: userId,
          application_id: applicationId,
          scopes: scopes.join(' '),
          created_at: now,
          updated_at: now,
        })
        .onConflict((oc) =>
          oc
            .columns(['user_id', 'application_id'])
            .doUpdateSet({ scopes: scopes.join(' '), updated_at: now }),
        )
        .execute();
    },
    async deleteConsent(userId, applicationId) {
      await db
        .deleteFrom('oauth_consents')
        .where('user_id', '=', userId)
        .where('application_id', '=', applicationId)
        .execute();
    },

    async insertCode(c, now) {
      await db
        .insertInto('oauth_codes')
        .values({
          code_hash: c.codeHash,
          client_id: c.clientId,
          user_id: c.userId,
          redirect_uri: c.redirectUri,
          code_challenge: c.codeChallenge ?? null,
          scopes: c.scopes.join(' '),
          audience: c.audience,
          auth_time: c.authTime,
          expires_at: c.expiresAt,
          used_at: null,
          grant_id: null,
          created_at: now,
        })
        .execute();
    },
    async code(codeHash) {
      const r = await db
        .selectFrom('oauth_codes')
        .selectAll()
        .where('code_hash', '=', codeHash)
        .executeTakeFirst();
      return r ? toCode(r) : undefined;
    },
    async useCode(codeHash, now, grantId) {
      return updated(
        await db
          .updateTable('oauth_codes')
          .set({ used_at: now, grant_id: grantId ?? null })
          .where('code_hash', '=', codeHash)
          .where('used_at', 'is', null)
          .executeTakeFirst(),
      );
    },
    async deleteExpiredCodes(before) {
      const r = await db.deleteFrom('oauth_codes').where('expires_at', '<', before).executeTakeFirst();
      return Number(r.numDeletedRows);
    },

    async insertGrant(g) {
      await db
        .insertInto('oauth_grants')
        .values({
          id: g.id,
          application_id: g.applicationId,
          client_id: g.clientId,
          user_id: g.userId,
          scopes: g.scopes.join(' '),
          audience: g.audience,
          auth_time: g.authTime,
          created_at: g.createdAt,
          revoked_at: null,
          revoked_reason: null,
        })
        .execute();
    },
    async grant(id) {
      const r = await db.selectFrom('oauth_grants').selectAll().where('id', '=', id).executeTakeFirst();
      return r ? toGrant(r) : undefined;
    },
    async revokeGrant(id, reason, now) {
      await db
        .updateTable('oauth_grants')
        .set({ revoked_at: now, revoked_reason: reason })
        .where('id', '=', id)
        .where('revoked_at', 'is', null)
        .execute();
      await db.deleteFrom('oauth_refresh_tokens').where('grant_id', '=', id).execute();
      await db.deleteFrom('oauth_legacy_refresh_tokens').where('grant_id', '=', id).execute();
    },
    async listGrants(filter) {
      let q = db
        .selectFrom('oauth_grants')
        .leftJoin('applications', 'applications.id', 'oauth_grants.application_id')
        .leftJoin('organizations', 'organizations.id', 'applications.organization_id')
        .leftJoin('console_users', 'console_users.id', 'oauth_grants.user_id')
        .selectAll('oauth_grants')
        .select([
          'applications.name as application_name',
          'organizations.name as organization_name',
          'console_users.email as user_email',
        ])
        .where('oauth_grants.revoked_at', 'is', null)
        .orderBy('oauth_grants.created_at', 'desc')
        .orderBy('oauth_grants.id')
        .limit(500);
      if (filter.userId) q = q.where('oauth_grants.user_id', '=', filter.userId);
      return (await q.execute()).map((r) => ({
        ...toGrant(r),
        applicationName: r.application_name ?? undefined,
        organizationName: r.organization_name ?? undefined,
        userEmail: r.user_email ?? undefined,
      }));
    },
    async revokeGrantsOf(userId, applicationId, reason, now) {
      const live = await db
        .selectFrom('oauth_grants')
        .select('id')
        .where('user_id', '=', userId)
        .where('application_id', '=', applicationId)
        .where('revoked_at', 'is', null)
        .execute();
      for (const g of live) await this.revokeGrant(g.id, reason, now);
      return live.length;
    },

    async insertRefreshToken(tokenHash, grantId, expiresAt, now) {
      await db
        .insertInto('oauth_refresh_tokens')
        .values({
          grant_id: grantId,
          token_hash: tokenHash,
          expires_at: expiresAt,
          used_at: null,
          created_at: now,
        })
        .execute();
    },
    async refreshToken(key) {
      const grantId = await grantOf(key);
      if (grantId === undefined) return undefined;
      const r = await db
        .selectFrom('oauth_refresh_tokens')
        .select(['grant_id', 'expires_at', 'used_at'])
        .where('grant_id', '=', grantId)
        .where('token_hash', '=', key.tokenHash)
        .executeTakeFirst();
      return r ? { grantId: r.grant_id, expiresAt: Number(r.expires_at), usedAt: num(r.used_at) } : undefined;
    },
    async refreshTokenContext(key): Promise<RefreshTokenContext | undefined> {
      const grantId = await grantOf(key);
      if (grantId === undefined) return undefined;
      const parameters = [grantId, key.tokenHash];
      const r = readOne
        ? ((await readOne(refreshContextQuery.sql, parameters)) as RefreshContextRow | undefined)
        : (await db.executeQuery<RefreshContextRow>({ ...refreshContextQuery, parameters })).rows[0];
      if (!r) return undefined;
      return {
        token: { grantId: r.grant_id, expiresAt: Number(r.expires_at), usedAt: num(r.used_at) },
        grant: {
          id: r.grant_id,
          applicationId: r.application_id,
          clientId: r.client_id,
          userId: r.user_id,
          scopes: split(r.scopes),
          audience: r.audience,
          authTime: Number(r.auth_time),
          createdAt: Number(r.created_at),
          revokedAt: num(r.revoked_at),
          revokedReason: r.revoked_reason ?? undefined,
        },
        userActive: r.user_present !== null && Number(r.user_disabled) !== 1,
      };
    },
    async rotateRefreshToken(key, next, now) {
      // The successor belongs to the same grant (the port's contract): a legacy token (no grant id
      // in it) is addressed through the grant the caller read with it, and matches only if its
      // row is that grant's.
      const grantId = key.grantId ?? next.grantId;
      const tokenHash = key.tokenHash;
      if (grantId !== next.grantId) throw new Error('A refresh token rotates within its own grant.');
      if (hot.dialect === 'sqlite' && transactSync) {
        const rotated = transactSync((run) => {
          if (run(USE_REFRESH_TOKEN_SQLITE, [now, grantId, tokenHash]) !== 1) return false;
          run(INSERT_REFRESH_TOKEN_SQLITE, [grantId, next.tokenHash, next.expiresAt, now]);
          return true;
        });
        if (rotated !== undefined) return rotated;
      } else if (hot.dialect === 'postgres' && readOne) {
        const row = await readOne(ROTATE_REFRESH_TOKEN_POSTGRES, [
          now,
          grantId,
          tokenHash,
          next.tokenHash,
          next.expiresAt,
        ]);
        return row !== undefined;
      }
      return db.transaction().execute(async (trx) => {
        const used = await trx
          .updateTable('oauth_refresh_tokens')
          .set({ used_at: now })
          .where('grant_id', '=', grantId)
          .where('token_hash', '=', tokenHash)
          .where('used_at', 'is', null)
          .executeTakeFirst();
        if (!updated(used)) return false;
        await trx
          .insertInto('oauth_refresh_tokens')
          .values({
            grant_id: grantId,
            token_hash: next.tokenHash,
            expires_at: next.expiresAt,
            used_at: null,
            created_at: now,
          })
          .execute();
        return true;
      });
    },
    async useRefreshToken(key, now) {
      const grantId = await grantOf(key);
      if (grantId === undefined) return false;
      return updated(
        await db
          .updateTable('oauth_refresh_tokens')
          .set({ used_at: now })
          .where('grant_id', '=', grantId)
          .where('token_hash', '=', key.tokenHash)
          .where('used_at', 'is', null)
          .executeTakeFirst(),
      );
    },

    async insertDevice(d, now) {
      await db
        .insertInto('oauth_device_authorizations')
        .values({
          device_code_hash: d.deviceCodeHash,
          user_code: d.userCode,
          client_id: d.clientId,
          scopes: d.scopes.join(' '),
          audience: d.audience,
          interval_seconds: d.intervalSeconds,
          status: 'pending',
          user_id: null,
          auth_time: null,
          last_poll_at: null,
          expires_at: d.expiresAt,
          created_at: now,
        })
        .execute();
      // Housekeeping on a rare path: expired device requests are of no use to anyone.
      await db
        .deleteFrom('oauth_device_authorizations')
        .where('expires_at', '<', now - 3_600_000)
        .execute();
    },
    async deviceByUserCode(userCode) {
      const r = await db
        .selectFrom('oauth_device_authorizations')
        .selectAll()
        .where('user_code', '=', userCode)
        .executeTakeFirst();
      return r ? toDevice(r) : undefined;
    },
    async device(deviceCodeHash) {
      const r = await db
        .selectFrom('oauth_device_authorizations')
        .selectAll()
        .where('device_code_hash', '=', deviceCodeHash)
        .executeTakeFirst();
      return r ? toDevice(r) : undefined;
    },
    async recordPoll(deviceCodeHash, now, intervalSeconds) {
      await db
        .updateTable('oauth_device_authorizations')
        .set(
          intervalSeconds === undefined
            ? { last_poll_at: now }
            : { last_poll_at: now, interval_seconds: intervalSeconds },
        )
        .where('device_code_hash', '=', deviceCodeHash)
        .execute();
    },
    async decideDevice(userCode, d) {
      return updated(
        await db
          .updateTable('oauth_device_authorizations')
          .set({ status: d.status, user_id: d.userId, auth_time: d.authTime })
          .where('user_code', '=', userCode)
          .where('status', '=', 'pending')
          .executeTakeFirst(),
      );
    },
    async useDevice(deviceCodeHash) {
      return updated(
        await db
          .updateTable('oauth_device_authorizations')
          .set({ status: 'used' })
          .where('device_code_hash', '=', deviceCodeHash)
          .where('status', '=', 'approved')
          .executeTakeFirst(),
      );
    },

    async sessionStartedAt(sessionIdHash) {
      const r = await db
        .selectFrom('console_sessions')
        .select('created_at')
        .where('id_hash', '=', sessionIdHash)
        .executeTakeFirst();
      return r ? Number(r.created_at) : undefined;
    },
  };
}
