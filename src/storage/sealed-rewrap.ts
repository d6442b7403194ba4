import { type Kysely, sql } from 'kysely';
import type { SecretBox } from '../secrets/secret-box.ts';
import { aadFor } from '../secrets/secret-box.ts';
import { SEALED_COLUMNS } from './kysely-store.ts';
import type { Database } from './schema.ts';

/**
 * Re-seals every sealed column under the SecretBox's current key (`consentry secret-key rewrap`).
 *
 * - Resumable: it only touches values not yet under the current key, so a second run continues
 *   where an interrupted one stopped.
 * - Safe while servers run: each row is written with a compare-and-set on the old ciphertext
 *   (`UPDATE … WHERE id = :id AND column = :old`). A refresh that stored a new token meanwhile
 *   wins; the rewrap skips that row (its new value was sealed by the server itself).
 * - Keyset pagination on the row key, small batches: memory and lock time stay bounded.
 */
export interface RewrapProgress {
  table: string;
  column: string;
  done: number;
  total: number;
}

export interface RewrapResult {
  rewrapped: number;
  /** Rows that changed under us (a concurrent write won the compare-and-set). */
  skipped: number;
  /** Values still not under the current key after the pass (a server not yet restarted with the new key). */
  remaining: number;
  byColumn: { table: string; column: string; rewrapped: number; skipped: number; remaining: number }[];
}

/** `substr` rather than LIKE: base64url key ids contain `_`, a LIKE wildcard. */
function notUnder(column: string, keyId: string) {
  const prefix = `v1.${keyId}.`;
  return sql<boolean>`substr(${sql.ref(column)}, 1, ${sql.lit(prefix.length)}) <> ${prefix}`;
}

export async function countNotUnderKey(
  db: Kysely<Database>,
  keyId: string,
): Promise<{ table: string; column: string; count: number }[]> {
  // biome-ignore lint/suspicious/noExplicitAny: the SEALED_COLUMNS list is the typed contract
  const anyDb = db as Kysely<any>;
  const out: { table: string; column: string; count: number }[] = [];
  for (const { table, column } of SEALED_COLUMNS) {
    const r = await anyDb
      .selectFrom(table)
      .select((eb) => eb.fn.countAll().as('n'))
      .where(column, 'is not', null)
      .where(notUnder(column, keyId))
      .executeTakeFirstOrThrow();
    out.push({ table, column, count: Number(r.n) });
  }
  return out;
}

/** Every key id in use, with how many values each seals. */
export async function keyUsage(db: Kysely<Database>): Promise<Record<string, number>> {
  // biome-ignore lint/suspicious/noExplicitAny: the SEALED_COLUMNS list is the typed contract
  const anyDb = db as Kysely<any>;
  const usage: Record<string, number> = {};
  for (const { table, column } of SEALED_COLUMNS) {
    // `v1.<keyId>.<nonce>.<body>`: the key id is the second dot-separated part.
    const rows = await anyDb
      .selectFrom(table)
      .select([sql<string>`substr(${sql.ref(column)}, 4, 8)`.as('kid'), (eb) => eb.fn.countAll().as('n')])
      .where(column, 'is not', null)
      .groupBy(sql`substr(${sql.ref(column)}, 4, 8)`)
      .execute();
    for (const r of rows) usage[String(r.kid)] = (usage[String(r.kid)] ?? 0) + Number(r.n);
  }
  return usage;
}

export async function rewrapAll(
  db: Kysely<Database>,
  box: SecretBox,
  options: { batchSize?: number; onProgress?: (p: RewrapProgress) => void } = {},
): Promise<RewrapResult> {
  // biome-ignore lint/suspicious/noExplicitAny: the SEALED_COLUMNS list is the typed contract
  const anyDb = db as Kysely<any>;
  const current = box.currentKeyId;
  const batchSize = options.batchSize ?? 500;
  const result: RewrapResult = { rewrapped: 0, skipped: 0, remaining: 0, byColumn: [] };
  const totals = await countNotUnderKey(db, current);
  for (const { table, column, key } of SEALED_COLUMNS) {
    const total = totals.find((t) => t.table === table && t.column === column)?.count ?? 0;
    let rewrapped = 0;
    let skipped = 0;
    let cursor: string | undefined;
    options.onProgress?.({ table, column, done: 0, total });
    for (;;) {
      let q = anyDb
        .selectFrom(table)
        .select([`${key} as rowId`, `${column} as sealed`])
        .where(column, 'is not', null)
        .where(notUnder(column, current))
        .orderBy(key)
        .limit(batchSize);
      if (cursor !== undefined) q = q.where(key, '>', cursor);
      const rows = (await q.execute()) as { rowId: string; sealed: string }[];
      if (rows.length === 0) break;
      cursor = String(rows[rows.length - 1]!.rowId);
      // One short transaction per batch: far fewer fsyncs than a write per row, and the lock is
      // held for one batch only, so a server's refresh waits milliseconds at most.
      const counts = await db.transaction().execute(async (trx) => {
        // biome-ignore lint/suspicious/noExplicitAny: see above
        const t = trx as Kysely<any>;
        let ok = 0;
        let lost = 0;
        for (const row of rows) {
          const aad = aadFor(table, column, String(row.rowId));
          const resealed = box.seal(box.open(row.sealed, aad), aad);
          const r = await t
            .updateTable(table)
            .set({ [column]: resealed })
            .where(key, '=', row.rowId)
            .where(column, '=', row.sealed)
            .executeTakeFirst();
          if (Number(r.numUpdatedRows) === 1) ok++;
          else lost++;
        }
        return { ok, lost };
      });
      rewrapped += counts.ok;
      skipped += counts.lost;
      options.onProgress?.({ table, column, done: Math.min(total, rewrapped + skipped), total });
    }
    // The column is done: rows a running server re-sealed meanwhile (a refresh writes under the
    // current key) were counted in `total` but never came back from the query — they are done too,
    // so the bar ends full instead of stopping short.
    if (rewrapped + skipped < total) options.onProgress?.({ table, column, done: total, total });
    result.byColumn.push({ table, column, rewrapped, skipped, remaining: 0 });
    result.rewrapped += rewrapped;
    result.skipped += skipped;
  }
  for (const r of await countNotUnderKey(db, current)) {
    const entry = result.byColumn.find((b) => b.table === r.table && b.column === r.column);
    if (entry) entry.remaining = r.count;
    result.remaining += r.count;
  }
  return result;
}
