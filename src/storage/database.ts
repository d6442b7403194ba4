import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresAdapter, PostgresDialect, SqliteDialect, sql } from 'kysely';
import type pgTypes from 'pg';
import { ensurePrivateDir, tightenFiles } from '../secrets/file-modes.ts';
import { withFileLock } from './file-lock.ts';
import { migrationProvider } from './migrations/index.ts';
import type { Database } from './schema.ts';

/**
 * The only place database drivers are imported. SQLite (embedded default) or PostgreSQL
 * (`DATABASE_URL=postgres://…`, for several instances sharing one database).
 */
export type DialectName = 'sqlite' | 'postgres';

export interface DatabaseHandle {
  db: Kysely<Database>;
  dialect: DialectName;
  /** The SQLite file (sqlite only). */
  file?: string;
  /**
   * Hot-path point reads: runs a compiled query on a cached prepared statement and returns the
   * first row. SQLite: synchronously (Kysely's driver prepares every statement anew and serialises
   * through a connection mutex). PostgreSQL: a named prepared statement straight on the pool
   * (parsed and planned once per connection, no per-query transaction bookkeeping). For
   * `ensureFresh` on a valid token that overhead is most of the cost.
   */
  readOne?: (sql: string, parameters: readonly unknown[]) => unknown;
  /**
   * Hot-path writes, SQLite only: runs `work` synchronously inside one `BEGIN IMMEDIATE`
   * transaction (one commit), its statements on cached prepared statements; `run` returns the
   * number of rows changed. A throw in `work` rolls everything back. Answers `undefined` without
   * running anything while a Kysely transaction is open on the connection (the statements would
   * join it and share its fate): the caller then takes its Kysely path, which waits its turn.
   */
  transactSync?: <T>(work: (run: SqlRun) => T) => T | undefined;
  /**
   * SQLite only: a compiled write with `RETURNING` (the refresh commit, issue 11) on a cached
   * prepared statement, in a group commit — the writes queued within one turn of the event loop
   * run in ONE `BEGIN IMMEDIATE … COMMIT` (a commit costs ≈ 120 µs alone, ≈ 45 µs in a group of
   * 16). Each still gets its own result: `{ row }`, the returned row or undefined when no row
   * matched (a fenced write that lost). Should the group's transaction fail, each write is run
   * again alone so that one bad write cannot fail the others — unless it failed for the lock
   * (SQLITE_BUSY after busy_timeout): then every write of the group fails with it, once. Resolves `undefined` without running
   * anything when a transaction is open on the connection (Kysely's, between two of its awaits):
   * the caller then goes through Kysely, which waits for that transaction instead of writing in it.
   */
  writeReturning?: (sql: string, parameters: readonly unknown[]) => Promise<{ row: unknown } | undefined>;
  close(): Promise<void>;
}

/** Runs one statement on a cached prepared statement; the number of rows it changed. */
export type SqlRun = (sql: string, parameters: readonly unknown[]) => number;

export interface OpenDatabaseOptions {
  databaseUrl?: string | undefined;
  sqliteFile: string;
  /** PostgreSQL schema to use (tests create their own). */
  schema?: string | undefined;
}

/** `pg` is loaded only when PostgreSQL is configured: the embedded default never pays for it. */
function loadPg(): typeof pgTypes {
  const pg = createRequire(import.meta.url)('pg') as typeof pgTypes;
  // int8 (bigint) columns hold epoch milliseconds: well inside Number's exact range.
  pg.types.setTypeParser(20, (v: string) => Number(v));
  return pg;
}

export function openDatabase(options: OpenDatabaseOptions): DatabaseHandle {
  if (options.databaseUrl?.startsWith('postgres')) {
    const pg = loadPg();
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: 10,
      ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    const names = new Map<string, string>();
    const readOne = async (sql: string, parameters: readonly unknown[]) => {
      let name = names.get(sql);
      if (!name) {
        name = `consentry_${createHash('sha256').update(sql).digest('hex').slice(0, 16)}`;
        names.set(sql, name);
      }
      return (await pool.query({ name, text: sql, values: [...parameters] })).rows[0];
    };
    return { db, dialect: 'postgres', readOne, close: () => db.destroy() };
  }
  const files =
    options.sqliteFile === ':memory:' ? [] : ['', '-wal', '-shm'].map((s) => `${options.sqliteFile}${s}`);
  if (options.sqliteFile !== ':memory:') {
    // The data directory 0700 and the database files 0600 (issue 10, finding 6), checked every start.
    ensurePrivateDir(dirname(options.sqliteFile));
    tightenFiles(files);
  }
  const sqlite = new SQLite(options.sqliteFile);
  // WAL lets readers run beside the writer; the busy timeout makes several processes wait for
  // each other's short write transactions instead of failing with SQLITE_BUSY.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('synchronous = NORMAL');
  // A checkpoint (copying the WAL back into the database) costs two fsyncs on the event loop
  // whatever its size: at SQLite's default of every 1,000 pages that was ≈ 20 µs of blocking per
  // refresh-token rotation (issue 14). Every 10,000 pages (≈ 40 MB of WAL at most) does the same
  // work a tenth as often and copies a page written many times once.
  sqlite.pragma('wal_autocheckpoint = 10000');
  // SQLite gives its journals the database file's mode; the file itself was just created 0644.
  tightenFiles(files);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  const statements = new Map<string, SQLite.Statement>();
  const readOne = (sql: string, parameters: readonly unknown[]) => {
    let statement = statements.get(sql);
    if (!statement) {
      statement = sqlite.prepare(sql);
      statements.set(sql, statement);
    }
    return statement.get(...parameters);
  };
  const prepared = (sql: string) => {
    let statement = statements.get(sql);
    if (!statement) {
      if (statements.size >= 500) statements.clear();
      statement = sqlite.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  };
  type Queued = {
    sql: string;
    parameters: readonly unknown[];
    resolve: (r: { row: unknown } | undefined) => void;
    reject: (e: unknown) => void;
  };
  let queue: Queued[] = [];
  const runGroup = sqlite.transaction((group: Queued[]) =>
    group.map((w) => prepared(w.sql).get(...w.parameters)),
  );
  const flush = () => {
    const group = queue;
    queue = [];
    if (sqlite.inTransaction) {
      for (const w of group) w.resolve(undefined);
      return;
    }
    let rows: unknown[] | undefined;
    try {
      rows = group.length === 1 ? undefined : (runGroup.immediate(group) as unknown[]);
    } catch (e) {
      // The write lock was not had within busy_timeout (another process writes): running each
      // write alone would wait busy_timeout again per write, the event loop blocked throughout.
      if (isBusy(e)) {
        for (const w of group) w.reject(e);
        return;
      }
      rows = undefined;
    }
    for (const [i, w] of group.entries()) {
      if (rows) {
        w.resolve({ row: rows[i] });
        continue;
      }
      try {
        w.resolve({ row: prepared(w.sql).get(...w.parameters) });
      } catch (e) {
        w.reject(e);
      }
    }
  };
  const writeReturning = (sql: string, parameters: readonly unknown[]) =>
    new Promise<{ row: unknown } | undefined>((resolve, reject) => {
      if (queue.length === 0) setImmediate(flush);
      queue.push({ sql, parameters, resolve, reject });
    });
  const run: SqlRun = (sql, parameters) => {
    let statement = statements.get(sql);
    if (!statement) {
      statement = sqlite.prepare(sql);
      statements.set(sql, statement);
    }
    return statement.run(...parameters).changes;
  };
  // Built once: better-sqlite3 wraps the function in BEGIN/COMMIT (ROLLBACK on a throw).
  const transaction = sqlite.transaction(<T>(work: (run: SqlRun) => T): T => work(run));
  const transactSync = <T>(work: (run: SqlRun) => T): T | undefined =>
    sqlite.inTransaction ? undefined : (transaction.immediate(work) as T);
  return {
    db,
    dialect: 'sqlite',
    file: options.sqliteFile,
    readOne,
    writeReturning,
    transactSync,
    close: () => db.destroy(),
  };
}

/** SQLITE_BUSY (and its extended codes) or SQLITE_LOCKED: a lock not had, no statement at fault. */
function isBusy(e: unknown): boolean {
  const code = (e as { code?: unknown }).code;
  return typeof code === 'string' && /^SQLITE_(BUSY|LOCKED)/.test(code);
}

/**
 * Applies pending migrations. With `lockFile` (SQLite), runs under a cross-process file lock so
 * several processes starting on one fresh database file migrate it once.
 */
export async function migrateToLatest(
  db: Kysely<Database>,
  options: { lockFile?: string | undefined } = {},
): Promise<string[]> {
  if (options.lockFile && !options.lockFile.startsWith(':memory:')) {
    const lockFile = options.lockFile;
    return withFileLock(lockFile, () => migrateToLatest(db));
  }
  // PostgreSQL: Kysely looks for its migration tables in EVERY schema unless told which one, so a
  // second Consentry schema in the same database (several deployments, parallel test suites)
  // would find the first one's tables and never create its own. Name the current schema.
  let migrationTableSchema: string | undefined;
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    migrationTableSchema = (await sql<{ s: string }>`select current_schema() as s`.execute(db)).rows[0]?.s;
  }
  const migrator = new Migrator({
    db,
    provider: migrationProvider,
    // Kysely's default, `localeCompare`, starts ICU's collator: ≈ 9 ms of every CLI command
    // (issue 15). The names are ASCII with distinct numeric prefixes, so code-unit order is the
    // same order — and the one Kysely itself sorts the known migrations by.
    nameComparator: (a, b) => (a < b ? -1 : a > b ? 1 : 0),
    ...(migrationTableSchema ? { migrationTableSchema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
