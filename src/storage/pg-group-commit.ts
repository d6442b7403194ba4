import { CompiledQuery, type Kysely } from 'kysely';
import type { ConnectionsTable, Database } from './schema.ts';

/**
 * PostgreSQL's group commit for the refresh commit (issue 11): the fenced writes queued within
 * one turn of the event loop go out as ONE statement and one round trip —
 *
 *   UPDATE connections AS c SET col = v.col, …
 *   FROM unnest($1::text[], $2::integer[], $3::text[], $4::…[], …) WITH ORDINALITY
 *     AS v(id, fence_version, fence_owner, …, write_index)
 *   WHERE c.id = v.id AND c.version = v.fence_version AND c.lease_owner = v.fence_owner
 *   RETURNING v.write_index, c.*
 *
 * — grouped by the set of columns written (a rotated refresh token adds one, an ID token another).
 * The fence is the same as one row's `UPDATE … WHERE id AND version AND lease_owner`: PostgreSQL
 * re-checks it on the latest row version, so a row whose lease a sibling took is not written and
 * comes back as no row. Every row in a group is leased by this process, so no two groups (nor a
 * claim, which skips locked and leased rows) wait on each other's rows in opposite orders.
 * Should the grouped statement fail, each write runs alone so that one bad write cannot fail the
 * others. Hand-written: no query builder batches heterogeneous fenced updates into one statement.
 */
export type FencedWrite = (
  set: Record<string, unknown>,
  fence: { id: string; version: number; owner: string },
) => Promise<ConnectionsRow | undefined>;

type ConnectionsRow = { [K in keyof ConnectionsTable]: unknown } & { id: string };

/** The PostgreSQL type of each column the refresh commit may write (0001 and later migrations). */
const INTEGER = new Set(['version', 'failure_count']);
const BIGINT = new Set([
  'expires_at',
  'refresh_expires_at',
  'last_refresh_at',
  'next_attempt_at',
  'lease_until',
  'updated_at',
  'lapse_warned_at',
]);
const pgType = (column: string) => (INTEGER.has(column) ? 'integer' : BIGINT.has(column) ? 'bigint' : 'text');
const ident = (column: string) => {
  // Column names come from our own code (tokenColumns and the commit's literal set), never from input.
  if (!/^[a-z_]+$/.test(column)) throw new Error(`unexpected column ${column}`);
  return `"${column}"`;
};

interface Queued {
  set: Record<string, unknown>;
  fence: { id: string; version: number; owner: string };
  resolve: (row: ConnectionsRow | undefined) => void;
  reject: (e: unknown) => void;
}

export function pgGroupCommit(
  db: Kysely<Database>,
  /** One write on its own (the fallback after a failed group). */
  single: FencedWrite,
): FencedWrite {
  const sqlByShape = new Map<string, string>();
  let queue: Queued[] = [];

  const statementFor = (columns: string[]): string => {
    const key = columns.join(',');
    let text = sqlByShape.get(key);
    if (text) return text;
    const names = ['id', 'fence_version', 'fence_owner', ...columns.map((_, i) => `p${i}`)];
    const types = ['text', 'integer', 'text', ...columns.map(pgType)];
    text =
      `update connections as c set ${columns.map((col, i) => `${ident(col)} = v.p${i}`).join(', ')} ` +
      `from unnest(${types.map((t, i) => `$${i + 1}::${t}[]`).join(', ')}) with ordinality ` +
      `as v(${names.join(', ')}, write_index) ` +
      'where c.id = v.id and c.version = v.fence_version and c.lease_owner = v.fence_owner ' +
      'returning v.write_index, c.*';
    if (sqlByShape.size >= 64) sqlByShape.clear();
    sqlByShape.set(key, text);
    return text;
  };

  const runGroup = async (group: Queued[]) => {
    const columns = Object.keys(group[0]!.set);
    const parameters: unknown[][] = [
      group.map((w) => w.fence.id),
      group.map((w) => w.fence.version),
      group.map((w) => w.fence.owner),
      ...columns.map((col) => group.map((w) => w.set[col] ?? null)),
    ];
    try {
      const { rows } = await db.executeQuery<ConnectionsRow & { write_index: string | number }>(
        CompiledQuery.raw(statementFor(columns), parameters),
      );
      // Each row comes back with the position of the write that matched it: by id, two writes to
      // one connection in one group (a lapsed claim beside the current one) would both be told
      // they committed. PostgreSQL updates a row once per statement, so at most one of them is.
      const written: (ConnectionsRow | undefined)[] = new Array(group.length);
      for (const { write_index, ...row } of rows) written[Number(write_index) - 1] = row as ConnectionsRow;
      for (const [i, w] of group.entries()) w.resolve(written[i]);
    } catch {
      for (const w of group) single(w.set, w.fence).then(w.resolve, w.reject);
    }
  };

  const flush = () => {
    const queued = queue;
    queue = [];
    const shapes = new Map<string, Queued[]>();
    for (const w of queued) {
      const key = Object.keys(w.set).join(',');
      const group = shapes.get(key);
      if (group) group.push(w);
      else shapes.set(key, [w]);
    }
    for (const group of shapes.values()) {
      if (group.length === 1)
        single(group[0]!.set, group[0]!.fence).then(group[0]!.resolve, group[0]!.reject);
      else void runGroup(group);
    }
  };

  return (set, fence) =>
    new Promise((resolve, reject) => {
      if (queue.length === 0) setImmediate(flush);
      queue.push({ set, fence, resolve, reject });
    });
}
