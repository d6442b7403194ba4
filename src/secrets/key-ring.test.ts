import { chmodSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keyFileSource, loadKeys, parseKeys, writeKeyFile } from './key-ring.ts';
import { aadFor, SecretBox, secretKeyFrom } from './secret-box.ts';

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

describe('a running server re-reads the key file (issue 10)', () => {
  it('keyFileSource: nothing while unchanged, the new ring after an atomic rewrite', () => {
    const file = join(dir(), 'secret-box.key');
    const first = loadKeys({ keyFile: file }, { createIfMissing: true });
    const source = keyFileSource(file);
    expect(source.read()).toBeUndefined();
    const next = secretKeyFrom(SecretBox.generateKey());
    writeKeyFile(file, [next, ...first]);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(source.read()?.map((k) => k.id)).toEqual([next.id, first[0]!.id]);
    expect(source.read()).toBeUndefined();
  });

  it('SecretBox: an unknown key id re-reads the source; keys already held are never dropped', () => {
    const file = join(dir(), 'secret-box.key');
    const [old] = loadKeys({ keyFile: file }, { createIfMissing: true });
    const box = new SecretBox([old!], { source: keyFileSource(file) });
    const aad = aadFor('connections', 'access_token', 'c1');
    const next = secretKeyFrom(SecretBox.generateKey());
    const sealedElsewhere = new SecretBox([next]).seal('token', aad);
    // Before the rotation: unknown, and nothing to re-read.
    expect(() => box.open(sealedElsewhere, aad)).toThrow(/not in the key ring/);
    writeKeyFile(file, [next, old!]);
    expect(box.open(sealedElsewhere, aad)).toBe('token');
    expect(box.currentKeyId).toBe(next.id);
    // A pruned (or mistaken) file: the running box keeps opening what it could.
    const sealedOld = new SecretBox([old!]).seal('old', aad);
    writeKeyFile(file, [next]);
    expect(box.reload()).toBe(false);
    expect(box.open(sealedOld, aad)).toBe('old');
    expect(box.keyIds).toEqual([next.id, old!.id]);
  });
});
