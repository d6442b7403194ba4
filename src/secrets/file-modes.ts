import { chmodSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { ConsentryError } from '../domain/errors.ts';

/**
 * File modes of what Consentry keeps on disk (issue 10, finding 6), checked at every start:
 * - the data directory is 0700 (created so; an existing looser one is tightened — it is ours);
 * - the SQLite database and its -wal/-shm files are 0600 (tightened the same way);
 * - key files (secret-box key, demo provider keys) that other users can read stop start-up with
 *   what to run, as signing keys already do: a key that may have been read must be judged by the
 *   operator, not silently re-protected.
 * POSIX modes only: on Windows (no group/other bits) the checks pass.
 */
const LOOSE = 0o077;

export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (statSync(dir).mode & LOOSE) chmodSync(dir, 0o700);
}

/** Tightens files Consentry created itself (the database and its journals) to 0600. */
export function tightenFiles(paths: readonly string[]): void {
  for (const p of paths) {
    if (existsSync(p) && statSync(p).mode & LOOSE) chmodSync(p, 0o600);
  }
}

/** Refuses a key file that group or others can read or write: FILE_MODE_INSECURE, with the fix. */
export function assertPrivateKeyFile(path: string): void {
  const mode = statSync(path).mode;
  if (mode & LOOSE) {
    throw new ConsentryError('FILE_MODE_INSECURE', {
      detail: `${path} has mode ${(mode & 0o777).toString(8)}; other users may have read the key. Check who could, then run: chmod 600 ${path}`,
      facts: { file: path },
    });
  }
}
