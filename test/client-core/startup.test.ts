import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SecretBox } from '../../src/secrets/secret-box.ts';
import { startConsentry } from '../support/consentry.ts';

/** SecretBox at start-up: sealed rows + a missing or wrong key → refuse to start, say what to do. */
describe('start-up with sealed secrets', () => {
  it('refuses to start without the key, with a wrong key, and starts again with the right one', async () => {
    const first = await startConsentry({ listen: false });
    const dataDir = first.dataDir;
    const keyFile = join(dataDir, 'secret-box.key');
    const key = readFileSync(keyFile, 'utf8').trim();
    expect((await first.app.store.clients.list()).length).toBe(1); // the demo client, its secret sealed
    await first.close({ keepData: true });

    rmSync(keyFile);
    await expect(startConsentry({ dataDir, listen: false })).rejects.toMatchObject({
      code: 'SECRET_KEY_MISSING',
      message: expect.stringMatching(/Restore the key file .* or set SECRET_BOX_KEY/),
    });
    // No new key was invented behind the administrator's back.
    expect(() => readFileSync(keyFile)).toThrow();

    const wrong = SecretBox.generateKey().toString('base64');
    await expect(
      startConsentry({ dataDir, listen: false, env: { SECRET_BOX_KEY: wrong } }),
    ).rejects.toMatchObject({
      code: 'SECRET_KEY_WRONG',
      message: expect.stringContaining('cannot open the stored secrets'),
    });

    const again = await startConsentry({
      dataDir,
      listen: false,
      env: { SECRET_BOX_KEY: `${wrong},${key}` },
    });
    expect(
      await again.app.store.clients.secretOf((await again.app.store.clients.list())[0]!.id),
    ).toBeTruthy();
    await again.close({ keepData: true });

    // The real entry point (`npm start` runs the compiled dist/main.js) prints what to do and exits non-zero.
    const run = spawnSync(process.execPath, ['dist/main.js'], {
      cwd: join(import.meta.dirname, '../..'),
      env: { ...process.env, DATA_DIR: dataDir, PORT: '0', SECRET_BOX_KEY: '' },
      encoding: 'utf8',
      timeout: 120_000, // a loaded shared machine: the outcome is asserted, not the time
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('Consentry could not start');
    expect(run.stderr).toContain('SECRET_KEY_MISSING');
    rmSync(dataDir, { recursive: true, force: true });
  }, 180_000);

  it('refuses an invalid configuration with a clear message', async () => {
    await expect(
      startConsentry({ listen: false, env: { PUBLIC_BASE_URL: 'ftp://nope' } }),
    ).rejects.toMatchObject({
      code: 'CONFIG_INVALID',
    });
  });
});
