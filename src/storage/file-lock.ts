import { closeSync, openSync, statSync, unlinkSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * A cross-process lock held by creating a file exclusively. Used around SQLite migrations:
 * Kysely's SQLite adapter has no migration lock (it assumes one process), and two processes
 * starting on a fresh file would both run the first migration. PostgreSQL uses Kysely's advisory
 * lock instead. A lock older than `staleMs` is treated as left by a crashed process.
 */
export async function withFileLock<T>(
  path: string,
  fn: () => Promise<T>,
  options: { timeoutMs?: number; staleMs?: number } = {},
): Promise<T> {
  const { timeoutMs = 30_000, staleMs = 60_000 } = options;
  const deadline = Date.now() + timeoutMs;
  let delay = 20;
  for (;;) {
    try {
      closeSync(openSync(path, 'wx', 0o600));
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      try {
        if (Date.now() - statSync(path).mtimeMs > staleMs) unlinkSync(path);
      } catch {
        // released meanwhile
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${path}`);
      await sleep(delay);
      delay = Math.min(delay * 2, 250);
    }
  }
  try {
    return await fn();
  } finally {
    try {
      unlinkSync(path);
    } catch {
      // already gone
    }
  }
}
