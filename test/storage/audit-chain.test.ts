import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AuditTrail } from '../../src/core/audit-trail.ts';
import { createAuditRepository } from '../../src/storage/audit/audit.repository.ts';
import { type DatabaseHandle, migrateToLatest, openDatabase } from '../../src/storage/database.ts';
import { createTestSchema, postgresAvailable } from '../support/postgres.ts';

/**
 * The audit chain under concurrent appends from several database handles (what several instances
 * are), on SQLite (one file, WAL) and PostgreSQL (one schema, separate pools): no fork, no gap,
 * every row chained to its predecessor — and `verify` catches an edit, an inserted row and a
 * re-chained forgery that leaves the head behind.
 */
const HANDLES = 3;
const PER_HANDLE = 30;

async function openHandles(
  engine: 'sqlite' | 'postgres',
): Promise<{ handles: DatabaseHandle[]; file?: string; cleanup(): Promise<void> }> {
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'consentry-audit-'));
    const file = join(dir, 'audit.sqlite');
    const handle = openDatabase({ sqliteFile: file });
    await migrateToLatest(handle.db);
    return {
      handles: [handle],
      file,
      async cleanup() {
        await handle.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const s = await createTestSchema('audit_chain');
  const handles = Array.from({ length: HANDLES }, () =>
    openDatabase({ databaseUrl: s.url, sqliteFile: ':memory:', schema: s.schema }),
  );
  await migrateToLatest(handles[0]!.db);
  return {
    handles,
    async cleanup() {
      for (const h of handles) await h.close();
      await s.drop();
    },
  };
}

const WORKER = join(import.meta.dirname, 'audit-append.worker.ts');

function appendInChild(file: string, count: number, label: string): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WORKER, file, String(count), label], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    child.on('error', reject);
    child.on('exit', (code) => resolve(code));
  });
}

for (const engine of ['sqlite', 'postgres'] as const) {
  describe(`audit chain (${engine})`, () => {
    it('concurrent appends from several handles never fork the chain; verify catches tampering', async (ctx) => {
      if (engine === 'postgres' && !(await postgresAvailable())) return ctx.skip();
      const { handles, file, cleanup } = await openHandles(engine);
      try {
        const trails = handles.map((h) => new AuditTrail({ repository: createAuditRepository(h.db) }));
        const errors: Error[] = [];
        const failing = handles.map(
          (h) => new AuditTrail({ repository: createAuditRepository(h.db), onError: (e) => errors.push(e) }),
        );
        if (file) {
          // SQLite: the instances are processes (one handle each), appending at once.
          const codes = await Promise.all(
            Array.from({ length: HANDLES }, (_, k) => appendInChild(file, PER_HANDLE, `instance-${k}`)),
          );
          expect(codes).toEqual(Array(HANDLES).fill(0));
        }
        await Promise.all(
          (file ? [] : failing).flatMap((trail, k) =>
            Array.from({ length: PER_HANDLE }, (_, i) =>
              trail.record({
                action: 'user.create',
                actor: { kind: 'system', label: `instance-${k}` },
                target: { type: 'console_user', id: `${k}-${i}` },
                details: { n: i },
              }),
            ),
          ),
        );
        expect(errors).toEqual([]);
        const db = handles[0]!.db;
        const rows = await db
          .selectFrom('audit_events')
          .select(['seq', 'prev_hash', 'hash'])
          .orderBy('seq')
          .execute();
        expect(rows).toHaveLength(HANDLES * PER_HANDLE);
        expect(rows.map((r) => Number(r.seq))).toEqual(rows.map((_, i) => i + 1));
        for (let i = 1; i < rows.length; i++) expect(rows[i]!.prev_hash).toBe(rows[i - 1]!.hash);
        expect(new Set(rows.map((r) => r.prev_hash)).size).toBe(rows.length); // no two rows share a predecessor
        const verified = await trails[trails.length - 1]!.verify();
        expect(verified).toMatchObject({
          ok: true,
          checked: HANDLES * PER_HANDLE,
          head: { seq: HANDLES * PER_HANDLE },
        });

        // Filters.
        expect(await trails[0]!.list({ actor: 'instance-2', limit: 1000 })).toHaveLength(PER_HANDLE);
        expect(await trails[0]!.list({ action: 'user.delete' })).toHaveLength(0);
        expect(await trails[0]!.list({ from: new Date(Date.now() + 60_000) })).toHaveLength(0);

        // An edited time is detected at its row.
        const row7 = await db
          .selectFrom('audit_events')
          .selectAll()
          .where('seq', '=', 7)
          .executeTakeFirstOrThrow();
        await db
          .updateTable('audit_events')
          .set({ at: Number(row7.at) + 1 })
          .where('seq', '=', 7)
          .execute();
        expect((await trails[0]!.verify()).problem).toMatchObject({ seq: 7, kind: 'edited' });
        await db.updateTable('audit_events').set({ at: row7.at }).where('seq', '=', 7).execute();

        // A forged last row, correctly chained, but appended without moving the head: detected.
        const last = rows[rows.length - 1]!;
        const { chainHash, canonicalAuditRow } = await import('../../src/domain/audit.ts');
        const forged = {
          seq: rows.length + 1,
          at: new Date(),
          actor: { kind: 'user' as const, label: 'mallory' },
          action: 'user.delete',
          target: undefined,
          detailsText: '{}',
        };
        await db
          .insertInto('audit_events')
          .values({
            seq: forged.seq,
            at: forged.at.getTime(),
            actor_kind: 'user',
            actor_id: null,
            actor_label: 'mallory',
            address: null,
            action: 'user.delete',
            target_type: null,
            target_id: null,
            details: '{}',
            prev_hash: last.hash,
            hash: chainHash(last.hash, canonicalAuditRow(forged)),
          })
          .execute();
        expect((await trails[0]!.verify()).problem).toMatchObject({ kind: 'head_mismatch' });
      } finally {
        await cleanup();
      }
    }, 120_000);
  });
}
