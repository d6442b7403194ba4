import { type Kysely, sql } from 'kysely';
import type { AuthFailureRepository, AuthFailureWindow } from './provider-role.ports.ts';
import type { Database } from './schema.ts';

const toWindow = (row: { key: string; failures: number; window_ends_at: number }): AuthFailureWindow => ({
  key: row.key,
  failures: Number(row.failures),
  windowEndsAt: Number(row.window_ends_at),
});

/**
 * Failure windows on SQLite or PostgreSQL. `record` is one upsert with RETURNING, atomic per row
 * on both engines, so instances counting the same budget at once never lose a failure. Kysely
 * queries are fine here: only the failure path and a periodic sync run them, never a success.
 */
export function createAuthFailureRepository(db: Kysely<Database>): AuthFailureRepository {
  return {
    async read(keys, now) {
      if (keys.length === 0) return [];
      const rows = await db
        .selectFrom('auth_failures')
        .select(['key', 'failures', 'window_ends_at'])
        .where('key', 'in', [...keys])
        .where('window_ends_at', '>', now)
        .execute();
      return rows.map(toWindow);
    },
    async record(budgets, now) {
      if (budgets.length === 0) return [];
      // Column references in DO UPDATE read the row as it was before this statement (both engines).
      const live = sql<boolean>`auth_failures.window_ends_at > ${now}`;
      const rows = await db
        .insertInto('auth_failures')
        .values(budgets.map((b) => ({ key: b.key, failures: 1, window_ends_at: now + b.windowMs })))
        .onConflict((oc) =>
          oc.column('key').doUpdateSet({
            failures: sql<number>`case when ${live} then auth_failures.failures + 1 else 1 end`,
            window_ends_at: sql<number>`case when ${live} then auth_failures.window_ends_at else excluded.window_ends_at end`,
          }),
        )
        .returning(['key', 'failures', 'window_ends_at'])
        .execute();
      return rows.map(toWindow);
    },
    async clear(key) {
      await db.deleteFrom('auth_failures').where('key', '=', key).execute();
    },
    async atLeast(minFailures, now, max) {
      const rows = await db
        .selectFrom('auth_failures')
        .select(['key', 'failures', 'window_ends_at'])
        .where('window_ends_at', '>', now)
        .where('failures', '>=', minFailures)
        .orderBy('window_ends_at', 'desc')
        .limit(max)
        .execute();
      return rows.map(toWindow);
    },
    async deleteEnded(now) {
      const r = await db.deleteFrom('auth_failures').where('window_ends_at', '<=', now).executeTakeFirst();
      return Number(r.numDeletedRows);
    },
  };
}
