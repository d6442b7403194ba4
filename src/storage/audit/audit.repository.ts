import { type Kysely, sql } from 'kysely';
import {
  type AuditActorKind,
  type AuditDetails,
  type AuditEvent,
  auditDetailsText,
  canonicalAuditRow,
  chainHash,
} from '../../domain/audit.ts';
import type { AuditEventsTable, Database } from '../schema.ts';
import type { AuditRepository } from './audit.ports.ts';

const HEAD = 'head';
const MAX_ATTEMPTS = 5;

/** `audit_events` + `audit_head` (migration 0009). */
export function createAuditRepository(db: Kysely<Database>): AuditRepository {
  return {
    async append(input, at) {
      for (let attempt = 1; ; attempt++) {
        try {
          return await db.transaction().execute(async (trx) => {
            // The first statement writes the head row: PostgreSQL takes its row lock, SQLite its
            // write lock (waiting out the busy timeout) — every append after this line is alone.
            await trx.updateTable('audit_head').set({ seq: sql`seq` }).where('id', '=', HEAD).execute();
            const head = await trx
              .selectFrom('audit_head')
              .select(['seq', 'hash'])
              .where('id', '=', HEAD)
              .executeTakeFirstOrThrow();
            const detailsText = auditDetailsText(input.details);
            const event: Omit<AuditEvent, 'hash'> = {
              seq: Number(head.seq) + 1,
              at,
              actor: input.actor,
              action: input.action,
              target: input.target,
              details: JSON.parse(detailsText) as AuditDetails,
              detailsText,
              prevHash: head.hash,
            };
            const hash = chainHash(head.hash, canonicalAuditRow(event));
            await trx
              .insertInto('audit_events')
              .values(rowOf({ ...event, hash }))
              .execute();
            await trx
              .updateTable('audit_head')
              .set({ seq: event.seq, hash })
              .where('id', '=', HEAD)
              .execute();
            return { ...event, hash };
          });
        } catch (e) {
          // A unique violation means another writer got this seq (only possible without the head
          // lock, e.g. a hand-made insert): read the head again and chain after it.
          if (attempt >= MAX_ATTEMPTS || !/unique|duplicate|busy|locked/i.test(String((e as Error).message)))
            throw e;
        }
      }
    },

    async list(filter = {}) {
      let q = db.selectFrom('audit_events').selectAll();
      if (filter.action) q = q.where('action', '=', filter.action);
      if (filter.actor) {
        const actor = filter.actor;
        q = q.where((eb) => eb.or([eb('actor_label', '=', actor), eb('actor_id', '=', actor)]));
      }
      if (filter.from) q = q.where('at', '>=', filter.from.getTime());
      if (filter.to) q = q.where('at', '<', filter.to.getTime());
      if (filter.beforeSeq !== undefined) q = q.where('seq', '<', filter.beforeSeq);
      const rows = await q
        .orderBy('seq', 'desc')
        .limit(Math.min(Math.max(filter.limit ?? 100, 1), 10_000))
        .execute();
      return rows.map(eventOf);
    },

    async page(afterSeq, limit) {
      const rows = await db
        .selectFrom('audit_events')
        .selectAll()
        .where('seq', '>', afterSeq)
        .orderBy('seq', 'asc')
        .limit(limit)
        .execute();
      return rows.map(eventOf);
    },

    async head() {
      const h = await db
        .selectFrom('audit_head')
        .select(['seq', 'hash'])
        .where('id', '=', HEAD)
        .executeTakeFirstOrThrow();
      return { seq: Number(h.seq), hash: h.hash };
    },
  };
}

function rowOf(e: AuditEvent): AuditEventsTable {
  return {
    seq: e.seq,
    at: e.at.getTime(),
    actor_kind: e.actor.kind,
    actor_id: e.actor.id ?? null,
    actor_label: e.actor.label,
    address: e.actor.address ?? null,
    action: e.action,
    target_type: e.target?.type ?? null,
    target_id: e.target?.id ?? null,
    details: e.detailsText,
    prev_hash: e.prevHash,
    hash: e.hash,
  };
}

function eventOf(r: AuditEventsTable): AuditEvent {
  let details: AuditDetails = {};
  try {
    details = JSON.parse(r.details) as AuditDetails;
  } catch {
    // An edited row may hold anything; `audit verify` reports it, listing must still work.
  }
  return {
    seq: Number(r.seq),
    at: new Date(Number(r.at)),
    actor: {
      kind: r.actor_kind as AuditActorKind,
      ...(r.actor_id !== null ? { id: r.actor_id } : {}),
      label: r.actor_label,
      ...(r.address !== null ? { address: r.address } : {}),
    },
    action: r.action,
    target:
      r.target_type !== null && r.target_id !== null ? { type: r.target_type, id: r.target_id } : undefined,
    details,
    detailsText: r.details,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}
