import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { parseKeys } from '../../src/secrets/key-ring.ts';
import { aadFor, SecretBox } from '../../src/secrets/secret-box.ts';
import { SEALED_COLUMNS } from '../../src/storage/kysely-store.ts';
import { createUser, page, signIn } from '../console/support/console-client.ts';
import type { CookieJar } from '../support/browserless.ts';
import { seedGoogleConnections, startConsentry, type TestConsentry } from '../support/consentry.ts';
import { createTestSchema, postgresAvailable } from '../support/postgres.ts';
import { cli } from './support.ts';

/**
 * Issue 10, finding 11: `secret-key rotate && secret-key rewrap` — the README's one-liner — while
 * servers run and serve. Two servers share one PostgreSQL schema and one key file; one server runs
 * on SQLite. Requests flow the whole time (console pages that open every access token of a client,
 * ensureFresh, /healthz, and token writes that seal under whatever key the server holds): none may
 * fail, the servers pick the new key up without a restart, rewrap waits for them and leaves every
 * value under the new key. On SQLite, a server keyed by SECRET_BOX_KEY (which cannot re-read
 * anything) blocks rewrap until it leaves.
 */
const CONNECTIONS = 40;
const ADMIN = 'admin@example.org';

interface Load {
  counts: { healthz: number; pages: number; ensureFresh: number; writes: number };
  failures: string[];
  /** Requests completed after `markRewrapDone()`. */
  after: number;
  markRewrapDone(): void;
  stop(): Promise<void>;
}

/** Seeds a client and connections through the first server; returns their ids. */
function seed(t: TestConsentry): Promise<{ clientId: string; ids: string[] }> {
  return seedGoogleConnections(t.app, CONNECTIONS, 'client-secret-value');
}

/**
 * Requests against every server until stopped: /healthz, the client's connections page (opens
 * every access token), ensureFresh, and every 5th turn a token write (the server seals it under its
 * current key). Each server writes only its own share of the connections, so a read of its own
 * share must return exactly what it last wrote.
 */
function startLoad(servers: TestConsentry[], jars: CookieJar[], clientId: string, ids: string[]): Load {
  const counts = { healthz: 0, pages: 0, ensureFresh: 0, writes: 0 };
  const failures: string[] = [];
  const written = new Map<string, string>();
  let stop = false;
  let rewrapDone = false;
  let after = 0;
  const expiresAt = new Date(Date.now() + 24 * 3600_000);
  const loops = servers.map(async (t, k) => {
    const own = ids.filter((_, i) => i % servers.length === k);
    let turn = 0;
    while (!stop) {
      turn++;
      try {
        switch (turn % 4) {
          case 0: {
            const res = await fetch(`${t.baseUrl}/healthz`);
            const body = (await res.json()) as { status: string };
            if (res.status !== 200 || body.status !== 'ok')
              failures.push(`server ${k} /healthz ${res.status} ${JSON.stringify(body)}`);
            counts.healthz++;
            break;
          }
          case 1: {
            const p = await page(jars[k]!, `${t.baseUrl}/clients/${clientId}/connections`);
            if (p.status !== 200) failures.push(`server ${k} connections page ${p.status}`);
            counts.pages++;
            break;
          }
          default: {
            const id = own[turn % own.length]!;
            const token = await t.app.client.ensureFresh(id);
            const expected = written.get(id) ?? `access-${ids.indexOf(id)}`;
            if (token.accessToken !== expected) failures.push(`server ${k} read a wrong token for ${id}`);
            counts.ensureFresh++;
            if (turn % 5 === 0) {
              const fresh = `written-${k}-${turn}`;
              await t.app.store.connections.replaceTokens(
                id,
                { accessToken: fresh, tokenType: 'Bearer', scopes: ['openid'], expiresAt },
                new Date(),
              );
              written.set(id, fresh);
              counts.writes++;
            }
          }
        }
        if (rewrapDone) after++;
      } catch (e) {
        failures.push(`server ${k}: ${(e as { code?: string }).code ?? ''} ${(e as Error).message}`);
      }
    }
  });
  return {
    counts,
    failures,
    get after() {
      return after;
    },
    markRewrapDone() {
      rewrapDone = true;
    },
    async stop() {
      stop = true;
      await Promise.all(loops);
    },
  };
}

/** Waits until `n` more requests completed (counts, not time; bounded by the test timeout). */
async function untilMoreRequests(load: Load, n: number): Promise<void> {
  const target = load.after + n;
  while (load.after < target && load.failures.length === 0) await new Promise((r) => setTimeout(r, 20));
}

/** Every sealed value in the database names `keyId` and opens with that key alone. */
async function expectAllUnder(t: TestConsentry, keyFile: string, keyId: string): Promise<number> {
  const only = new SecretBox(parseKeys(readFileSync(keyFile, 'utf8')).filter((k) => k.id === keyId));
  // biome-ignore lint/suspicious/noExplicitAny: walking the generic sealed-column list
  const db = t.app.database.db as Kysely<any>;
  let opened = 0;
  for (const { table, column, key } of SEALED_COLUMNS) {
    const rows = (await db
      .selectFrom(table)
      .select([`${key} as id`, `${column} as v`])
      .where(column, 'is not', null)
      .execute()) as { id: string; v: string }[];
    for (const r of rows) {
      expect(SecretBox.keyIdOfSealed(r.v), `${table}.${column}`).toBe(keyId);
      only.open(r.v, aadFor(table, column, r.id));
      opened++;
    }
  }
  return opened;
}

async function rotateAndRewrap(
  servers: TestConsentry[],
  cliEnv: Record<string, string>,
  keyFile: string,
  beforeRewrap?: (newKeyId: string) => Promise<void>,
): Promise<void> {
  const first = servers[0]!;
  const { clientId, ids } = await seed(first);
  await createUser(first, ADMIN);
  const jars = await Promise.all(servers.map((t) => signIn(t, ADMIN)));
  const oldKeyId = first.app.box.currentKeyId;
  for (const t of servers) expect(t.app.box.currentKeyId).toBe(oldKeyId);

  const load = startLoad(servers, jars, clientId, ids);
  try {
    const rotated = await cli(['secret-key', 'rotate', '--json'], cliEnv, { timeoutMs: 120_000 });
    expect(rotated.code, rotated.stderr).toBe(0);
    const ring = JSON.parse(rotated.stdout) as { currentKeyId: string; keyIds: string[] };
    expect(ring.keyIds).toEqual([ring.currentKeyId, oldKeyId]);
    const newKeyId = ring.currentKeyId;
    await beforeRewrap?.(newKeyId);

    const rewrap = await cli(
      ['secret-key', 'rewrap', '--json', '--batch-size', '7', '--wait', '120'],
      cliEnv,
      {
        timeoutMs: 240_000,
      },
    );
    expect(rewrap.code, rewrap.stderr).toBe(0);
    const result = JSON.parse(rewrap.stdout) as {
      currentKeyId: string;
      rewrapped: number;
      remaining: number;
    };
    expect(result.currentKeyId).toBe(newKeyId);
    expect(result.remaining).toBe(0);
    expect(result.rewrapped).toBeGreaterThan(0);

    // Requests keep flowing after the rewrap, on every server, without a restart.
    load.markRewrapDone();
    await untilMoreRequests(load, 20 * servers.length);
    await load.stop();
    expect(load.failures).toEqual([]);
    expect(load.counts.healthz).toBeGreaterThan(servers.length);
    expect(load.counts.pages).toBeGreaterThan(servers.length);
    expect(load.counts.ensureFresh).toBeGreaterThan(4 * servers.length);
    expect(load.counts.writes).toBeGreaterThan(0);

    // Every server now seals under the new key, and says so in its heartbeat.
    for (const t of servers) expect(t.app.box.currentKeyId).toBe(newKeyId);
    const live = await first.app.database.db.selectFrom('key_ring_instances').selectAll().execute();
    expect(live).toHaveLength(servers.length);
    for (const row of live) expect(row.current_key_id).toBe(newKeyId);
    // 2 tokens per connection, the client secret, the sentinel (flows: none pending).
    expect(await expectAllUnder(first, keyFile, newKeyId)).toBe(2 * CONNECTIONS + 2);

    const actions = (await first.app.audit.list()).map((e) => e.action);
    expect(actions).toContain('secret_key.rotate');
    expect(actions).toContain('secret_key.rewrap');
  } finally {
    await load.stop();
  }
}

describe('secret-key rotate && rewrap while servers run', () => {
  const dirs: string[] = [];
  const tmp = (name: string) => {
    const d = mkdtempSync(join(tmpdir(), `consentry-${name}-`));
    dirs.push(d);
    return d;
  };
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('two servers on one PostgreSQL schema sharing one key file: no request fails', async (ctx) => {
    if (!(await postgresAvailable())) return ctx.skip();
    const schema = await createTestSchema('rotation');
    const keyDir = tmp('shared-key');
    const keyFile = join(keyDir, 'secret-box.key');
    const databaseUrl = `${schema.url}?options=${encodeURIComponent(`-c search_path=${schema.schema}`)}`;
    const env = {
      DATABASE_URL: schema.url,
      SECRET_BOX_KEY_FILE: keyFile,
      KEY_RING_CHECK_SECONDS: '0.2',
      DEMO_PROVIDER: 'false',
      BACKGROUND_REFRESH: 'false',
    };
    const servers: TestConsentry[] = [];
    try {
      servers.push(await startConsentry({ schema: schema.schema, dataDir: tmp('pg-a'), env }));
      servers.push(await startConsentry({ schema: schema.schema, dataDir: tmp('pg-b'), env }));
      await rotateAndRewrap(
        servers,
        {
          DATABASE_URL: databaseUrl,
          SECRET_BOX_KEY_FILE: keyFile,
          DATA_DIR: tmp('pg-cli'),
          DEMO_PROVIDER: 'false',
        },
        keyFile,
      );
    } finally {
      for (const t of servers) await t.close({ keepData: true });
      await schema.drop();
    }
  }, 300_000);

  it('one server on SQLite; a SECRET_BOX_KEY server that cannot re-read blocks rewrap until it leaves', async () => {
    const dataDir = tmp('sqlite');
    const keyFile = join(dataDir, 'secret-box.key');
    const env = { KEY_RING_CHECK_SECONDS: '0.2', DEMO_PROVIDER: 'false', BACKGROUND_REFRESH: 'false' };
    const cliEnv = { DATA_DIR: dataDir, DEMO_PROVIDER: 'false' };
    const server = await startConsentry({ dataDir, env });
    // A second server on the same database, keyed by the environment with the same (old) key. It
    // serves nothing here: it could not open what the first one seals after the rotation.
    const envKeyed = await startConsentry({
      dataDir,
      env: { ...env, SECRET_BOX_KEY: readFileSync(keyFile, 'utf8').trim(), INSTANCE_ID: 'env-keyed' },
    });
    try {
      await rotateAndRewrap([server], cliEnv, keyFile, async (newKeyId) => {
        const blocked = await cli(['secret-key', 'rewrap', '--json', '--wait', '1'], cliEnv, {
          timeoutMs: 120_000,
        });
        expect(blocked.code).toBe(2);
        expect(blocked.stderr).toContain('REWRAP_BLOCKED');
        expect(blocked.stderr).toContain('env-keyed');
        expect(blocked.stdout).toBe('');
        const status = await cli(['secret-key', 'status', '--json'], cliEnv, { timeoutMs: 120_000 });
        const out = JSON.parse(status.stdout) as { usage: Record<string, number>; servers: { id: string }[] };
        expect(out.servers).toHaveLength(2);
        expect(out.servers.map((s) => s.id)).toContain('env-keyed');
        // Nothing was re-sealed by the refused rewrap: the seeded client secret is under the old key.
        const secret = await server.app.database.db
          .selectFrom('oauth_clients')
          .select('client_secret')
          .executeTakeFirstOrThrow();
        expect(SecretBox.keyIdOfSealed(secret.client_secret!)).not.toBe(newKeyId);
        // The env-keyed server stops (a rolling restart would bring it back with the new key).
        await envKeyed.close({ keepData: true });
      });
    } finally {
      await envKeyed.close({ keepData: true }).catch(() => {});
      await server.close({ keepData: true });
    }
  }, 300_000);
});
