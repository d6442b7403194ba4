import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type DatabaseHandle, openDatabase } from './database.ts';

/** The SQLite group commit under the refresh commit (issue 11): `DatabaseHandle.writeReturning`. */
describe('writeReturning (SQLite group commit)', () => {
  let dir: string;
  let handle: DatabaseHandle;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'consentry-db-'));
    handle = openDatabase({ sqliteFile: join(dir, 'db.sqlite') });
    await sql`create table t (id integer primary key, v text not null unique, n integer not null)`.execute(
      handle.db,
    );
    await sql`insert into t (id, v, n) values (1, 'a', 0), (2, 'b', 0), (3, 'c', 0)`.execute(handle.db);
  });
  afterEach(async () => {
    await handle.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const update = 'update t set n = n + 1, v = ? where id = ? and n = ? returning *';

  it('writes queued in one turn share one transaction; each caller gets its own row or undefined', async () => {
    const write = handle.writeReturning!;
    const results = await Promise.all([
      write(update, ['a2', 1, 0]),
      write(update, ['b2', 2, 0]),
      // Fenced out: n is not 5.
      write(update, ['c2', 3, 5]),
    ]);
    expect(results).toEqual([
      { row: { id: 1, v: 'a2', n: 1 } },
      { row: { id: 2, v: 'b2', n: 1 } },
      { row: undefined },
    ]);
    const rows = await sql<{ id: number; n: number }>`select id, n from t order by id`.execute(handle.db);
    expect(rows.rows.map((r) => r.n)).toEqual([1, 1, 0]);
  });

  it('one failing write in a group fails alone; the others are stored', async () => {
    const write = handle.writeReturning!;
    const results = await Promise.allSettled([
      write(update, ['a3', 1, 0]),
      // Violates the unique constraint on v: the group's transaction rolls back, each runs alone.
      write(update, ['a3', 2, 0]),
      write(update, ['c3', 3, 0]),
    ]);
    expect(results[0]).toEqual({ status: 'fulfilled', value: { row: { id: 1, v: 'a3', n: 1 } } });
    expect(results[1]?.status).toBe('rejected');
    expect(String((results[1] as PromiseRejectedResult).reason)).toMatch(/UNIQUE/);
    expect(results[2]).toEqual({ status: 'fulfilled', value: { row: { id: 3, v: 'c3', n: 1 } } });
    const rows = await sql<{ v: string }>`select v from t order by id`.execute(handle.db);
    expect(rows.rows.map((r) => r.v)).toEqual(['a3', 'b', 'c3']);
  });

  it('another process holding the write lock past busy_timeout fails the group once, not once per write', async () => {
    const write = handle.writeReturning!;
    // The shared connection's wait, shortened for the test (5 s in production).
    await sql`pragma busy_timeout = 200`.execute(handle.db);
    const other = new SQLite(join(dir, 'db.sqlite'));
    other.exec('begin immediate');
    // Counts the statements run: after the group's BEGIN IMMEDIATE fails, none may run alone
    // (each would wait busy_timeout again, with the event loop blocked: 9 × 5 s in production).
    const statement = Object.getPrototypeOf(other.prepare('select 1')) as {
      get: (...a: unknown[]) => unknown;
    };
    const get = statement.get;
    let runs = 0;
    statement.get = function (this: unknown, ...a: unknown[]) {
      runs++;
      return get.apply(this, a);
    };
    try {
      const results = await Promise.allSettled(
        Array.from({ length: 8 }, (_, i) => write(update, [`x${i}`, 1 + (i % 3), 0])),
      );
      expect(results.map((r) => r.status)).toEqual(Array(8).fill('rejected'));
      expect(String((results[0] as PromiseRejectedResult).reason)).toMatch(/locked|busy/i);
      expect(runs).toBe(0);
    } finally {
      statement.get = get;
      other.exec('rollback');
      other.close();
    }
    expect(await write(update, ['after', 1, 0])).toEqual({ row: { id: 1, v: 'after', n: 1 } });
  });

  it('runs nothing while a Kysely transaction is open on the connection: the caller takes its own path', async () => {
    const write = handle.writeReturning!;
    let inside: { row: unknown } | undefined | 'unset' = 'unset';
    await handle.db.transaction().execute(async (trx) => {
      await sql`update t set n = 10 where id = 1`.execute(trx);
      inside = await write(update, ['x', 1, 10]);
    });
    expect(inside).toBeUndefined();
    const rows = await sql<{ v: string; n: number }>`select v, n from t where id = 1`.execute(handle.db);
    expect(rows.rows[0]).toEqual({ v: 'a', n: 10 });
  });
});
