import type { Kysely } from 'kysely';
import type { RevokedTokenRepository } from './provider-role.ports.ts';
import type { Database } from './schema.ts';

const IS_REVOKED_SQL = 'SELECT 1 AS revoked FROM revoked_tokens WHERE jti = ?';

/** Revoked access tokens by `jti`, each kept only until the token would have expired anyway. */
export function createRevokedTokenRepository(
  db: Kysely<Database>,
  readOne?: (sql: string, parameters: readonly unknown[]) => unknown,
): RevokedTokenRepository {
  return {
    async revoke(jti, clientId, expiresAt, now) {
      await db
        .insertInto('revoked_tokens')
        .values({ jti, client_id: clientId, expires_at: expiresAt.getTime(), revoked_at: now.getTime() })
        .onConflict((oc) => oc.column('jti').doNothing())
        .execute();
    },
    async isRevoked(jti) {
      if (readOne) return readOne(IS_REVOKED_SQL, [jti]) !== undefined;
      const row = await db
        .selectFrom('revoked_tokens')
        .select('jti')
        .where('jti', '=', jti)
        .executeTakeFirst();
      return row !== undefined;
    },
    async deleteExpired(now) {
      const r = await db
        .deleteFrom('revoked_tokens')
        .where('expires_at', '<', now.getTime())
        .executeTakeFirst();
      return Number(r.numDeletedRows);
    },
  };
}
