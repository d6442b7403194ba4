import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CompiledQuery, type KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SecretBox, secretKeyFrom } from '../../src/secrets/secret-box.ts';
import { createConnectionRepository } from '../../src/storage/connections.repository.ts';
import { type DatabaseHandle, migrateToLatest, openDatabase } from '../../src/storage/database.ts';

/**
 * The SQLite claim statement's plan (issue 11): the write must find the selected rows by key.
 * An outer `status = ?` once made SQLite walk every active connection by an index on status,
 * testing `id IN (…)` on each — a claim cost that grew with the table (100,000 rows: throughput
 * halved across the benchmark's rounds).
 */
describe('claimDue on SQLite: the rows are written by key, never by a walk of all connections', () => {
  let dir: string;
  let handle: DatabaseHandle;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'consentry-plan-'));
    handle = openDatabase({ sqliteFile: join(dir, 'db.sqlite') });
    await migrateToLatest(handle.db);
  });
  afterAll(async () => {
    await handle.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('EXPLAIN QUERY PLAN of the claim: the update searches connections by id only', async () => {
    const seen: CompiledQuery[] = [];
    const capture: KyselyPlugin = {
      transformQuery: (args) => {
        const compiled = handle.db.getExecutor().compileQuery(args.node, args.queryId);
        if (compiled.sql.startsWith('update "connections" set "lease_owner"')) seen.push(compiled);
        return args.node;
      },
      transformResult: async (args) => args.result,
    };
    const box = new SecretBox([secretKeyFrom(SecretBox.generateKey())]);
    const repo = createConnectionRepository(handle.db.withPlugin(capture), box);
    const now = new Date();
    await repo.claimDue(new Date(now.getTime() + 300_000), now, 256, {
      owner: 'o',
      until: new Date(now.getTime() + 30_000),
    });
    expect(seen).toHaveLength(1);
    const plan = (
      await handle.db.executeQuery<{ detail: string }>(
        CompiledQuery.raw(`explain query plan ${seen[0]!.sql}`, [...seen[0]!.parameters]),
      )
    ).rows.map((r) => r.detail);
    // The outermost step on connections (the write) is a key lookup; the due selection inside
    // uses connections_due. No step scans connections or walks it by another index.
    const onConnections = plan.filter((d) => / connections\b/.test(d));
    expect(
      onConnections.some((d) =>
        /SEARCH connections USING (COVERING INDEX sqlite_autoindex_connections_1|INDEX sqlite_autoindex_connections_1|PRIMARY KEY) \(id=\?\)/.test(
          d,
        ),
      ),
      plan.join('\n'),
    ).toBe(true);
    expect(
      onConnections.some((d) =>
        /SEARCH connections USING INDEX connections_due \(status=\? AND expires_at<\?\)/.test(d),
      ),
      plan.join('\n'),
    ).toBe(true);
    expect(
      onConnections.filter((d) =>
        /^SCAN connections|connections_lapse|connections_lease|connections_client/.test(d),
      ),
      plan.join('\n'),
    ).toEqual([]);
  });
});
