import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import type { InstanceHeartbeat, KeyRingInstanceRepository } from './key-ring.ports.ts';

/** `key_ring_instances` (migration 0009). */
export function createInstanceRepository(db: Kysely<Database>): KeyRingInstanceRepository {
  return {
    async beat(h) {
      const row = {
        id: h.id,
        current_key_id: h.currentKeyId,
        key_ids: JSON.stringify(h.keyIds),
        key_source: h.keySource,
        host: h.host,
        pid: h.pid,
        started_at: h.startedAt.getTime(),
        heartbeat_at: h.heartbeatAt.getTime(),
        expires_at: h.expiresAt.getTime(),
      };
      const { id: _, started_at: __, ...changes } = row;
      await db
        .insertInto('key_ring_instances')
        .values(row)
        .onConflict((oc) => oc.column('id').doUpdateSet(changes))
        .execute();
    },
    async live(now) {
      await db.deleteFrom('key_ring_instances').where('expires_at', '<=', now.getTime()).execute();
      const rows = await db
        .selectFrom('key_ring_instances')
        .selectAll()
        .where('expires_at', '>', now.getTime())
        .orderBy('id')
        .execute();
      return rows.map(
        (r): InstanceHeartbeat => ({
          id: r.id,
          currentKeyId: r.current_key_id,
          keyIds: JSON.parse(r.key_ids) as string[],
          keySource: r.key_source === 'env' ? 'env' : 'file',
          host: r.host,
          pid: Number(r.pid),
          startedAt: new Date(Number(r.started_at)),
          heartbeatAt: new Date(Number(r.heartbeat_at)),
          expiresAt: new Date(Number(r.expires_at)),
        }),
      );
    },
    async remove(id) {
      await db.deleteFrom('key_ring_instances').where('id', '=', id).execute();
    },
  };
}
