import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Several processes starting at once on a fresh data directory (the CLI beside the server, several
 * instances on one disk) must agree on one secret-box key, one demo client and one schema.
 */
function run(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['bin/consentry.js', ...args], {
      cwd: join(import.meta.dirname, '../..'),
      env: { ...process.env, ...env, LOG_LEVEL: 'warn' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('concurrent first start', () => {
  it('four processes on a fresh data directory agree on one key and one demo client', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'consentry-race-'));
    try {
      const results = await Promise.all(
        Array.from({ length: 4 }, () => run(['health', '--json'], { DATA_DIR: dataDir })),
      );
      for (const r of results) expect(r.code, r.stderr).toBe(0);
      const keyIds = new Set(results.map((r) => JSON.parse(r.stdout).secretKeyId));
      expect(keyIds.size).toBe(1);
      expect(results.map((r) => JSON.parse(r.stdout).clients)).toEqual([1, 1, 1, 1]);
      const keyFile = join(dataDir, 'secret-box.key');
      expect(statSync(keyFile).mode & 0o777).toBe(0o600);
      expect(readFileSync(keyFile, 'utf8').trim()).toHaveLength(44);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
    // Four full start-ups at once on two shared cores: generous, outcomes are what is asserted.
  }, 240_000);
});
