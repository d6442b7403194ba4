import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * PostgreSQL for tests: `TEST_DATABASE_URL` (default the local trust-auth server), one fresh
 * schema per suite, dropped afterwards.
 *
 * When the server cannot be reached the PostgreSQL tests are skipped with a visible line —
 * unless `CI_REQUIRE_POSTGRES=1` (set by `.ci/run`, which starts PostgreSQL first): then they fail.
 */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
const REQUIRED = process.env.CI_REQUIRE_POSTGRES === '1';

let probe: Promise<boolean> | undefined;

/** Whether PostgreSQL answers; probed once per test file. */
export function postgresAvailable(): Promise<boolean> {
  probe ??= (async () => {
    const client = new pg.Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 3000 });
    try {
      await client.connect();
      await client.query('select 1');
      return true;
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      if (REQUIRED) throw new Error(`CI_REQUIRE_POSTGRES=1 but PostgreSQL is unreachable (${why})`);
      process.stderr.write(
        `\n⚠ PostgreSQL unreachable at ${redact(TEST_DATABASE_URL)} (${why}): SKIPPING the PostgreSQL tests. Set TEST_DATABASE_URL or start PostgreSQL; CI sets CI_REQUIRE_POSTGRES=1 and fails instead.\n`,
      );
      return false;
    } finally {
      await client.end().catch(() => {});
    }
  })();
  return probe;
}

export interface TestSchema {
  url: string;
  schema: string;
  drop(): Promise<void>;
}

/** Creates a uniquely named schema (`t_<prefix>_<random>`); `drop()` removes it with everything in it. */
export async function createTestSchema(prefix: string): Promise<TestSchema> {
  const schema = `t_${prefix.replace(/[^a-z0-9_]/gi, '_').toLowerCase()}_${randomBytes(5).toString('hex')}`;
  await admin(`CREATE SCHEMA ${schema}`);
  return {
    url: TEST_DATABASE_URL,
    schema,
    drop: () => admin(`DROP SCHEMA IF EXISTS ${schema} CASCADE`),
  };
}

async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}
