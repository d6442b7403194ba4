import type { Kysely, Selectable } from 'kysely';
import { toDate } from './json.ts';
import type { OutreachRecord, OutreachRepository } from './ports.ts';
import type { Database, ReconnectOutreachTable } from './schema.ts';

function toRecord(row: Selectable<ReconnectOutreachTable>): OutreachRecord {
  return {
    id: row.id,
    connectionRef: row.connection_ref,
    channel: row.channel === 'email' ? 'email' : 'link',
    recipient: row.recipient ?? undefined,
    createdAt: new Date(Number(row.created_at)),
    expiresAt: new Date(Number(row.expires_at)),
    sentAt: toDate(row.sent_at),
    usedAt: toDate(row.used_at),
    completedAt: toDate(row.completed_at),
    lastError: row.last_error ?? undefined,
  };
}

/** Reconnect links (migration 0010). Only ids are stored; the link's signature is recomputed. */
export function createOutreachRepository(db: Kysely<Database>): OutreachRepository {
  return {
    async create(r) {
      await db
        .insertInto('reconnect_outreach')
        .values({
          id: r.id,
          connection_ref: r.connectionRef,
          channel: r.channel,
          recipient: r.recipient ?? null,
          created_at: r.createdAt.getTime(),
          expires_at: r.expiresAt.getTime(),
          sent_at: null,
          used_at: null,
          completed_at: null,
          last_error: null,
        })
        .execute();
    },
    async get(id) {
      const row = await db
        .selectFrom('reconnect_outreach')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? toRecord(row) : undefined;
    },
    async markSent(id, at, error) {
      await db
        .updateTable('reconnect_outreach')
        .set(error ? { last_error: error.slice(0, 200) } : { sent_at: at.getTime(), last_error: null })
        .where('id', '=', id)
        .execute();
    },
    async use(id, now) {
      const r = await db
        .updateTable('reconnect_outreach')
        .set({ used_at: now.getTime() })
        .where('id', '=', id)
        .where('used_at', 'is', null)
        .where('expires_at', '>', now.getTime())
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    async complete(connectionRef, now) {
      const r = await db
        .updateTable('reconnect_outreach')
        .set({ completed_at: now.getTime() })
        .where('connection_ref', '=', connectionRef)
        .where('used_at', 'is not', null)
        .where('completed_at', 'is', null)
        .executeTakeFirst();
      return Number(r.numUpdatedRows);
    },
    async list(options = {}) {
      let q = db.selectFrom('reconnect_outreach').selectAll().orderBy('created_at', 'desc').orderBy('id');
      if (options.connectionRef) q = q.where('connection_ref', '=', options.connectionRef);
      return (await q.limit(options.limit ?? 200).execute()).map(toRecord);
    },
  };
}
