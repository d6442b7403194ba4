import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startConsentry } from '../support/consentry.ts';

/**
 * Issue 10, finding 6 (files): the data directory was 0755 and the SQLite files 0644. Now the
 * directory is 0700 and the database files 0600 at every start; a key file others can read
 * stops start-up with what to run.
 */
describe('file modes of the data directory (finding 6)', () => {
  it('tightens a 0755 data directory and 0644 database files; refuses loose key files', async () => {
    const root = mkdtempSync(join(tmpdir(), 'consentry-modes-'));
    const dataDir = join(root, 'data');
    mkdirSync(dataDir, { mode: 0o755 });
    chmodSync(dataDir, 0o755);
    try {
      const c = await startConsentry({ dataDir, listen: false });
      await c.close({ keepData: true });
      const mode = (p: string) => statSync(p).mode & 0o777;
      expect(mode(dataDir)).toBe(0o700);
      expect(mode(join(dataDir, 'consentry.sqlite'))).toBe(0o600);
      expect(mode(join(dataDir, 'secret-box.key'))).toBe(0o600);
      expect(mode(join(dataDir, 'demo-provider-keys.json'))).toBe(0o600);

      // A database file loosened by hand is tightened again at the next start.
      chmodSync(join(dataDir, 'consentry.sqlite'), 0o644);
      chmodSync(dataDir, 0o755);
      const again = await startConsentry({ dataDir, listen: false });
      await again.close({ keepData: true });
      expect(mode(join(dataDir, 'consentry.sqlite'))).toBe(0o600);
      expect(mode(dataDir)).toBe(0o700);

      // Key files others can read refuse to start (as signing keys already do).
      for (const key of ['secret-box.key', 'demo-provider-keys.json']) {
        chmodSync(join(dataDir, key), 0o644);
        await expect(startConsentry({ dataDir, listen: false })).rejects.toThrow(/chmod 600/);
        chmodSync(join(dataDir, key), 0o600);
      }
      const ok = await startConsentry({ dataDir, listen: false });
      await ok.close({ keepData: true });
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }, 120_000);
});
