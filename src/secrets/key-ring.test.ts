import { chmodSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKeys, parseKeys } from './key-ring.ts';
import { SecretBox } from './secret-box.ts';

const dir = () => mkdtempSync(join(tmpdir(), 'consentry-keys-'));

describe('key ring sources', () => {
  it('generates the key file with mode 0600 on first start', () => {
    const file = join(dir(), 'secret-box.key');
    const keys = loadKeys({ keyFile: file }, { createIfMissing: true });
    expect(keys).toHaveLength(1);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(loadKeys({ keyFile: file }, { createIfMissing: false })[0]!.id).toBe(keys[0]!.id);
  });

  it('never invents a key when sealed data exists', () => {
    const file = join(dir(), 'secret-box.key');
    expect(() => loadKeys({ keyFile: file }, { createIfMissing: false })).toThrow(/Restore the key file/);
  });

  it('reads SECRET_BOX_KEY: current first, previous after, and refuses a short key', () => {
    const a = SecretBox.generateKey().toString('base64');
    const b = SecretBox.generateKey().toString('base64');
    const keys = loadKeys({ env: `${a},${b}`, keyFile: '/nonexistent' }, { createIfMissing: false });
    expect(keys.map((k) => k.key.toString('base64'))).toEqual([a, b]);
    expect(() => parseKeys(Buffer.alloc(16).toString('base64'))).toThrow(/32 bytes/);
  });

  it('refuses a key file that others can read, saying what to run (issue 10, finding 6)', () => {
    const file = join(dir(), 'secret-box.key');
    writeFileSync(file, `${SecretBox.generateKey().toString('base64')}\n`, { mode: 0o644 });
    chmodSync(file, 0o644);
    expect(() => loadKeys({ keyFile: file }, { createIfMissing: false })).toThrow(/chmod 600/);
    chmodSync(file, 0o600);
    expect(loadKeys({ keyFile: file }, { createIfMissing: false })).toHaveLength(1);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8').trim().length).toBe(44);
  });
});
