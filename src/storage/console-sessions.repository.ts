import type { Kysely } from 'kysely';
import type { SessionRepository } from './console.ports.ts';
import type { Database } from './schema.ts';

/** Signed-in console sessions, keyed by the hash of the cookie's session id. */
export function createSessionRepository(db: Kysely<Database>): SessionRepository {
  return {
    async create(idHash, userId, expiresAt, now) {
      await db
        .insertInto('console_sessions')
        .values({
          id_hash: idHash,
          user_id: userId,
          expires_at: expiresAt.getTime(),
          created_at: now.getTime(),
        })
        .execute();
    },
    async userOf(idHash, now) {
      const row = await db
        .selectFrom('console_sessions')
        .select('user_id')
        .where('id_hash', '=', idHash)
        .where('expires_at', '>', now.getTime())
        .executeTakeFirst();
      return row?.user_id;
    },
    async delete(idHash) {
      await db.deleteFrom('console_sessions').where('id_hash', '=', idHash).execute();
    },
    async deleteForUser(userId) {
      await db.deleteFrom('console_sessions').where('user_id', '=', userId).execute();
    },
    async deleteExpired(now) {
      const r = await db
        .deleteFrom('console_sessions')
        .where('expires_at', '<=', now.getTime())
        .executeTakeFirst();
      return Number(r.numDeletedRows);
    },
  };
}
