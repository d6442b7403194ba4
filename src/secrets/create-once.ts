import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Creates `path` with `make()`'s content unless it exists, and returns the content that is there
 * afterwards — atomically: the content is written to a private temporary file (mode 0600) and
 * hard-linked into place, which fails if another process got there first. Several processes
 * starting at once on a fresh data directory (the CLI beside the server, several instances) thus
 * all end up with the same key, never with a half-written file or two different keys.
 */
export function createOnce(path: string, make: () => string): string {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const tmp = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  writeFileSync(tmp, make(), { mode: 0o600, flag: 'wx' });
  try {
    linkSync(tmp, path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  } finally {
    unlinkSync(tmp);
  }
  return readFileSync(path, 'utf8');
}
