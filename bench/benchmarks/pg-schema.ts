import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * A throw-away PostgreSQL schema for a benchmark (BENCH_DATABASE_URL, else TEST_DATABASE_URL, else
 * the local trust-auth server). Returns undefined — and the benchmark reports itself skipped —
 * when PostgreSQL cannot be reached.
 */
export const BENCH_DATABASE_URL =
  process.env.BENCH_DATABASE_URL ||
  process.env.TEST_DATABASE_URL ||
  'postgres://postgres@127.0.0.1:5432/test';

export async function benchSchema(
  prefix: string,
): Promise<{ url: string; schema: string; drop(): Promise<void> } | undefined> {
  const schema = `bench_${prefix}_${randomBytes(4).toString('hex')}`;
  const run = async (statement: string) => {
    const client = new pg.Client({ connectionString: BENCH_DATABASE_URL, connectionTimeoutMillis: 3000 });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  try {
    await run(`CREATE SCHEMA ${schema}`);
  } catch {
    return undefined;
  }
  return { url: BENCH_DATABASE_URL, schema, drop: () => run(`DROP SCHEMA IF EXISTS ${schema} CASCADE`) };
}
