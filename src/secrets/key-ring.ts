import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { ConsentryError } from '../domain/errors.ts';
import { createOnce } from './create-once.ts';
import { assertPrivateKeyFile } from './file-modes.ts';
import { type KeyRingSource, SecretBox, type SecretKey, secretKeyFrom } from './secret-box.ts';

/**
 * Where SecretBox keys come from.
 *
 * - `SECRET_BOX_KEY`: comma-separated base64 keys, the current one first, previous ones after it.
 * - otherwise the key file (`<DATA_DIR>/secret-box.key`, one base64 key per line, current first),
 *   created with mode 0600 the first time — but only when the caller says no sealed data exists yet,
 *   so a lost key file never silently becomes a fresh key that cannot open the stored secrets.
 */
export interface KeySource {
  env?: string | undefined;
  keyFile: string;
}

export function parseKeys(text: string): SecretKey[] {
  return text
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean)
    .map((b64) => {
      const key = Buffer.from(b64, 'base64');
      if (key.length !== 32) {
        throw new ConsentryError('CONFIG_INVALID', {
          detail: 'Each secret-box key must be 32 bytes, base64-encoded (openssl rand -base64 32).',
        });
      }
      return secretKeyFrom(key);
    });
}

export function loadKeys(source: KeySource, options: { createIfMissing: boolean }): SecretKey[] {
  if (source.env?.trim()) return parseKeys(source.env);
  if (existsSync(source.keyFile)) {
    assertPrivateKeyFile(source.keyFile);
    return parseKeys(readFileSync(source.keyFile, 'utf8'));
  }
  if (!options.createIfMissing) {
    throw new ConsentryError('SECRET_KEY_MISSING', {
      detail: `Stored secrets exist but neither SECRET_BOX_KEY nor ${source.keyFile} is present. Restore the key file from your backup or set SECRET_BOX_KEY to the key used before; a new key cannot open the existing secrets.`,
    });
  }
  return parseKeys(createOnce(source.keyFile, () => `${SecretBox.generateKey().toString('base64')}\n`));
}

/**
 * Writes a key file (current first). Used by `secret-key rotate|prune`. Atomic (a private
 * temporary file renamed into place): a running server re-reading the file (`keyFileSource`)
 * sees the old ring or the new one, never a half-written file.
 */
export function writeKeyFile(path: string, keys: readonly SecretKey[]): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  writeFileSync(tmp, `${keys.map((k) => k.key.toString('base64')).join('\n')}\n`, {
    mode: 0o600,
    flag: 'wx',
  });
  chmodSync(tmp, 0o600);
  renameSync(tmp, path);
}

/**
 * The key file as a running server's ring source: `read()` returns the file's keys when the file
 * changed since the last read (inode, size, mtime), else undefined — one `stat` per call, so the
 * SecretBox may call it whenever it meets a key id it does not hold. A file that does not parse
 * (being replaced by hand) is ignored until it changes again.
 */
export function keyFileSource(path: string): KeyRingSource {
  const signature = () => {
    try {
      const s = statSync(path);
      return `${s.ino}:${s.size}:${s.mtimeMs}:${s.ctimeMs}`;
    } catch {
      return undefined;
    }
  };
  let seen = signature();
  return {
    read() {
      const now = signature();
      if (now === undefined || now === seen) return undefined;
      try {
        const keys = parseKeys(readFileSync(path, 'utf8'));
        seen = now;
        return keys.length ? keys : undefined;
      } catch {
        return undefined;
      }
    },
  };
}
