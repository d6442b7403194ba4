import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aadFor, SecretBox, secretKeyFrom } from '../../src/secrets/secret-box.ts';
import { startConsentry, type TestConsentry } from '../support/consentry.ts';

/**
 * Issue 10, finding 11: `/healthz` said "ok" while every page failed with SECRET_KEY_UNKNOWN.
 * It now opens a sealed sentinel: a server that cannot open its secrets answers 503 with the
 * error code (and nothing secret); one whose key file was rotated under it re-reads the file.
 */
describe('/healthz opens a sealed sentinel', () => {
  let t: TestConsentry;
  beforeAll(async () => {
    t = await startConsentry({ listen: false, env: { DEMO_PROVIDER: 'false', BACKGROUND_REFRESH: 'false' } });
  });
  afterAll(() => t?.close());
  const health = () => t.app.server.inject({ method: 'GET', url: '/healthz' });

  it('is ok while the key opens the sentinel', async () => {
    const res = await health();
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', secrets: 'ok' });
  });

  it('a sentinel sealed under a key the server can find nowhere: 503 SECRET_KEY_UNKNOWN', async () => {
    const db = t.app.database.db;
    const before = await db.selectFrom('sealed_sentinel').selectAll().executeTakeFirstOrThrow();
    const stranger = secretKeyFrom(SecretBox.generateKey());
    const aad = aadFor('sealed_sentinel', 'value', before.id);
    await db
      .updateTable('sealed_sentinel')
      .set({ value: new SecretBox([stranger]).seal('x', aad) })
      .execute();
    const res = await health();
    expect(res.statusCode).toBe(503);
    expect(res.json()).toEqual({ status: 'error', code: 'SECRET_KEY_UNKNOWN' });
    expect(res.body).not.toContain(stranger.key.toString('base64'));

    // The operator rotates the key file to a ring holding that key: the running server re-reads
    // the file on the unknown key id and is healthy again, without a restart.
    const file = join(t.dataDir, 'secret-box.key');
    const current = readFileSync(file, 'utf8').trim();
    const tmp = `${file}.new`;
    writeFileSync(tmp, `${stranger.key.toString('base64')}\n${current}\n`, { mode: 0o600 });
    renameSync(tmp, file);
    const again = await health();
    expect(again.statusCode).toBe(200);
    expect(t.app.box.currentKeyId).toBe(stranger.id);
  });
});
