import { describe, expect, it } from 'vitest';
import { isConsentryError } from '../domain/errors.ts';
import { aadFor, SecretBox, secretKeyFrom } from './secret-box.ts';

const key = () => secretKeyFrom(SecretBox.generateKey());
const aad = aadFor('connections', 'refresh_token', 'row-1');

function expectCode(fn: () => unknown, code: string): void {
  try {
    fn();
  } catch (e) {
    expect(isConsentryError(e)).toBe(true);
    expect((e as { code: string }).code).toBe(code);
    return;
  }
  throw new Error(`expected ${code}`);
}

/** Flips one bit of the base64url part at `index` of a sealed value. */
function flip(sealed: string, part: number, byte = 0): string {
  const parts = sealed.split('.');
  const buf = Buffer.from(parts[part]!, 'base64url');
  buf[byte] = buf[byte]! ^ 1;
  parts[part] = buf.toString('base64url');
  return parts.join('.');
}

describe('SecretBox', () => {
  it('seals with a versioned, key-identified format and opens it again', () => {
    const k = key();
    const box = new SecretBox([k]);
    const sealed = box.seal('refresh-token-value', aad);
    expect(sealed).toMatch(/^v1\.[A-Za-z0-9_-]{8}\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+$/);
    expect(sealed.split('.')[1]).toBe(k.id);
    expect(sealed).not.toContain('refresh-token-value');
    expect(box.open(sealed, aad)).toBe('refresh-token-value');
  });

  it('uses a fresh nonce each time', () => {
    const box = new SecretBox([key()]);
    expect(box.seal('same', aad)).not.toBe(box.seal('same', aad));
  });

  it('refuses an altered ciphertext and an altered tag', () => {
    const box = new SecretBox([key()]);
    const sealed = box.seal('secret', aad);
    expectCode(() => box.open(flip(sealed, 3, 0), aad), 'SECRET_OPEN_FAILED');
    const body = Buffer.from(sealed.split('.')[3]!, 'base64url');
    expectCode(() => box.open(flip(sealed, 3, body.length - 1), aad), 'SECRET_OPEN_FAILED');
    expectCode(() => box.open(flip(sealed, 2, 0), aad), 'SECRET_OPEN_FAILED');
  });

  it('refuses a ciphertext moved to another row, column or table (AAD binding)', () => {
    const box = new SecretBox([key()]);
    const sealed = box.seal('secret', aad);
    expectCode(() => box.open(sealed, aadFor('connections', 'refresh_token', 'row-2')), 'SECRET_OPEN_FAILED');
    expectCode(() => box.open(sealed, aadFor('connections', 'access_token', 'row-1')), 'SECRET_OPEN_FAILED');
    expectCode(
      () => box.open(sealed, aadFor('oauth_clients', 'refresh_token', 'row-1')),
      'SECRET_OPEN_FAILED',
    );
  });

  it('refuses an unknown key id and a malformed value, never returning plaintext', () => {
    const sealed = new SecretBox([key()]).seal('secret', aad);
    expectCode(() => new SecretBox([key()]).open(sealed, aad), 'SECRET_KEY_UNKNOWN');
    expectCode(() => new SecretBox([key()]).open('secret', aad), 'SECRET_FORMAT_INVALID');
    expectCode(() => new SecretBox([key()]).open('v2.a.b.c', aad), 'SECRET_FORMAT_INVALID');
    expectCode(() => new SecretBox([key()]).open('v1.a.b', aad), 'SECRET_FORMAT_INVALID');
  });

  it('needs a key: an empty key ring is refused', () => {
    expectCode(() => new SecretBox([]), 'SECRET_KEY_MISSING');
    expectCode(() => secretKeyFrom(Buffer.alloc(16)), 'CONFIG_INVALID');
  });

  it('key ring: the current key seals, previous keys still open', () => {
    const oldKey = key();
    const newKey = key();
    const before = new SecretBox([oldKey]).seal('secret', aad);
    const ring = new SecretBox([newKey, oldKey]);
    expect(ring.open(before, aad)).toBe('secret');
    const after = ring.seal('secret', aad);
    expect(SecretBox.keyIdOfSealed(after)).toBe(newKey.id);
    expect(new SecretBox([newKey]).open(after, aad)).toBe('secret');
  });

  it('keeps the reason out of the error message', () => {
    const box = new SecretBox([key()]);
    const sealed = box.seal('the-plaintext', aad);
    try {
      box.open(flip(sealed, 3), aad);
    } catch (e) {
      expect(String((e as Error).message)).not.toContain('the-plaintext');
      expect(JSON.stringify(e)).not.toContain('the-plaintext');
    }
  });

  it('never reuses a nonce: 5,000 seals (ten blocks of pre-fetched nonces) all distinct, all open', () => {
    const box = new SecretBox([key()]);
    const nonces = new Set<string>();
    for (let n = 0; n < 5000; n++) {
      const sealed = box.seal(`token-${n}`, aad);
      nonces.add(sealed.split('.')[2]!);
      if (n % 499 === 0) expect(box.open(sealed, aad)).toBe(`token-${n}`);
    }
    expect(nonces.size).toBe(5000);
    for (const n of nonces) expect(Buffer.from(n, 'base64url')).toHaveLength(12);
  });
});
