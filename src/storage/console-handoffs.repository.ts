import type { Kysely, Selectable } from 'kysely';
import type { Handoff, HandoffRepository } from './console.ports.ts';
import { parseJson, toDate } from './json.ts';
import type { ConsoleHandoffsTable, Database } from './schema.ts';

function toHandoff(row: Selectable<ConsoleHandoffsTable>): Handoff {
  return {
    id: row.id,
    clientRef: row.client_ref,
    scopes: parseJson<string[] | undefined>(row.scopes, undefined),
    preset: row.preset ?? undefined,
    usedAt: toDate(row.used_at),
    expiresAt: new Date(Number(row.expires_at)),
    failure: row.failed_code ? { code: row.failed_code, message: row.failed_message ?? '' } : undefined,
  };
}

/** One-time links `consentry connect` prints; only the token's hash is stored. */
export function createHandoffRepository(db: Kysely<Database>): HandoffRepository {
  return {
    async create(input, now) {
      await db
        .insertInto('console_handoffs')
        .values({
          token_hash: input.tokenHash,
          id: input.id,
          client_ref: input.clientRef,
          scopes: input.scopes ? JSON.stringify(input.scopes) : null,
          preset: input.preset ?? null,
          used_at: null,
          expires_at: input.expiresAt.getTime(),
          created_at: now.getTime(),
        })
        .execute();
    },
    async consume(tokenHash, now) {
      const r = await db
        .updateTable('console_handoffs')
        .set({ used_at: now.getTime() })
        .where('token_hash', '=', tokenHash)
        .where('used_at', 'is', null)
        .where('expires_at', '>', now.getTime())
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) return undefined;
      const row = await db
        .selectFrom('console_handoffs')
        .selectAll()
        .where('token_hash', '=', tokenHash)
        .executeTakeFirst();
      return row ? toHandoff(row) : undefined;
    },
    async fail(id, failure) {
      await db
        .updateTable('console_handoffs')
        .set({ failed_code: failure.code.slice(0, 64), failed_message: failure.message.slice(0, 500) })
        .where('id', '=', id)
        .where('failed_code', 'is', null)
        .execute();
    },
    async get(id) {
      const row = await db.selectFrom('console_handoffs').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toHandoff(row) : undefined;
    },
  };
}
