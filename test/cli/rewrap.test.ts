import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { parseKeys } from '../../src/secrets/key-ring.ts';
import { aadFor, SecretBox } from '../../src/secrets/secret-box.ts';
import { SEALED_COLUMNS } from '../../src/storage/kysely-store.ts';
import { seedGoogleConnections, startConsentry } from '../support/consentry.ts';
import { cli } from './support.ts';

/**
 * `secret-key rotate` + `rewrap` on 10,000 connections (20,000 sealed tokens) while a running
 * server keeps calling ensureFresh and storing refreshed tokens: no call fails, the server's own
 * writes are never overwritten (compare-and-set on the old ciphertext), every value opens under
 * the new key alone afterwards, and the old key can be removed.
 */
const ROWS = 10_000;

describe('secret-key rotate + rewrap', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'consentry-rewrap-'));
  const env = { DATA_DIR: dataDir, PUBLIC_BASE_URL: 'http://127.0.0.1:1', DEMO_PROVIDER: 'false' };
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('re-seals every row under the new key while ensureFresh runs', async () => {
    // 1. A store with 10,000 connections sealed under the first key.
    let t = await startConsentry({ dataDir, listen: false, env: { DEMO_PROVIDER: 'false' } });
    const { ids } = await seedGoogleConnections(t.app, ROWS);
    const expiresAt = new Date(Date.now() + 24 * 3600_000);
    const oldKeyId = t.app.box.currentKeyId;
    await t.close({ keepData: true });

    // 2. Rotate: a new current key; the old one stays to open what it sealed.
    const rotated = await cli(['secret-key', 'rotate', '--json'], env);
    expect(rotated.code, rotated.stderr).toBe(0);
    const ring = JSON.parse(rotated.stdout) as { currentKeyId: string; keyIds: string[] };
    expect(ring.keyIds).toEqual([ring.currentKeyId, oldKeyId]);
    const newKeyId = ring.currentKeyId;

    // 3. The restarted server (new key first) serves ensureFresh and stores "refreshed" tokens
    //    while the rewrap runs in another process.
    t = await startConsentry({ dataDir, listen: false, env: { DEMO_PROVIDER: 'false' } });
    expect(t.app.box.currentKeyId).toBe(newKeyId);
    let stop = false;
    let calls = 0;
    const failures: unknown[] = [];
    const written = new Map<string, string>();
    const load = (async () => {
      let i = 0;
      while (!stop) {
        const id = ids[(i * 7919) % ROWS]!;
        try {
          const token = await t.app.client.ensureFresh(id);
          const expected = written.get(id) ?? `access-${ids.indexOf(id)}`;
          if (token.accessToken !== expected) failures.push(new Error(`wrong token for ${id}`));
          calls++;
          if (i % 40 === 0) {
            // A server-side token write racing the rewrap (what a refresh stores).
            const fresh = `server-written-${i}`;
            await t.app.store.connections.replaceTokens(
              id,
              { accessToken: fresh, tokenType: 'Bearer', scopes: ['openid'], expiresAt },
              new Date(),
            );
            written.set(id, fresh);
          }
        } catch (e) {
          failures.push(e);
        }
        i++;
        if (i % 20 === 0) await new Promise((r) => setImmediate(r));
      }
    })();
    const rewrap = await cli(['secret-key', 'rewrap', '--json', '--batch-size', '250'], env, {
      timeoutMs: 120_000,
    });
    stop = true;
    await load;
    expect(rewrap.code, rewrap.stderr).toBe(0);
    const result = JSON.parse(rewrap.stdout) as { rewrapped: number; skipped: number; remaining: number };
    expect(result.remaining).toBe(0);
    // Rows the server re-sealed itself (under the new key) before the rewrap reached them need no rewrap.
    expect(result.rewrapped + result.skipped + written.size).toBeGreaterThanOrEqual(2 * ROWS + 1);
    expect(result.rewrapped).toBeGreaterThan(ROWS);
    expect(rewrap.stderr).toMatch(/\[#+\] \d+\/\d+ connections\.access_token/); // progress on stderr
    expect(failures).toEqual([]);
    expect(calls).toBeGreaterThan(100);
    expect(written.size).toBeGreaterThan(0);

    // 4. Every sealed value is under the new key and opens with the new key alone.
    const onlyNew = new SecretBox(
      parseKeys(readFileSync(join(dataDir, 'secret-box.key'), 'utf8')).slice(0, 1),
    );
    expect(onlyNew.currentKeyId).toBe(newKeyId);
    // biome-ignore lint/suspicious/noExplicitAny: walking the generic sealed-column list
    const db = t.app.database.db as Kysely<any>;
    let opened = 0;
    for (const { table, column, key } of SEALED_COLUMNS) {
      const rows = await db
        .selectFrom(table)
        .select([`${key} as id`, `${column} as v`])
        .where(column, 'is not', null)
        .execute();
      for (const r of rows as { id: string; v: string }[]) {
        expect(SecretBox.keyIdOfSealed(r.v)).toBe(newKeyId);
        onlyNew.open(r.v, aadFor(table, column, r.id));
        opened++;
      }
    }
    expect(opened).toBeGreaterThanOrEqual(2 * ROWS + 1);
    // The server's writes during the rewrap survived (the rewrap never overwrote a newer value).
    for (const [id, token] of written)
      expect((await t.app.store.connections.get(id))!.accessToken).toBe(token);
    await t.close({ keepData: true });

    // 5. The old key can be removed, and the server starts and serves without it.
    const pruned = await cli(['secret-key', 'prune', '--json'], env);
    expect(JSON.parse(pruned.stdout)).toMatchObject({ keyIds: [newKeyId], removed: [oldKeyId] });
    t = await startConsentry({ dataDir, listen: false, env: { DEMO_PROVIDER: 'false' } });
    expect(t.app.box.keyIds).toEqual([newKeyId]);
    expect((await t.app.client.ensureFresh(ids[1]!)).accessToken).toBe(written.get(ids[1]!) ?? 'access-1');
    await t.close({ keepData: true });
  }, 180_000);
});
