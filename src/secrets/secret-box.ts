import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';
import { ConsentryError } from '../domain/errors.ts';

/**
 * Authenticated encryption for secrets at rest — general purpose, not OAuth-specific.
 *
 * Format: `v1.<keyId>.<nonce>.<ciphertext‖tag>`, each part base64url.
 * - AES-256-GCM, 96-bit random nonce, 128-bit tag (NIST SP 800-38D).
 * - The caller passes an AAD (`aadFor(table, column, rowId)`) so a ciphertext copied to another
 *   row or column fails to open: the tag covers where the secret belongs, not only what it is.
 * - Key ring: the first key seals, every key opens. `keyId` is derived from the key itself
 *   (first 48 bits of SHA-256), so configuration never has to name keys and a wrong key is
 *   reported as "unknown key" instead of a generic tag failure.
 *
 * There is no plaintext fallback anywhere: `open` either returns the plaintext or throws.
 */
const VERSION = 'v1';
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

export interface SecretKey {
  readonly id: string;
  readonly key: Buffer;
}

export function keyIdOf(key: Buffer): string {
  return createHash('sha256').update(key).digest().subarray(0, 6).toString('base64url');
}

export function secretKeyFrom(key: Buffer): SecretKey {
  if (key.length !== 32)
    throw new ConsentryError('CONFIG_INVALID', { detail: 'A secret-box key must be 32 bytes.' });
  return { id: keyIdOf(key), key: Buffer.from(key) };
}

/** `table:column:rowId` — the binding every sealed column uses. */
export function aadFor(table: string, column: string, rowId: string | number): string {
  return `${table}:${column}:${rowId}`;
}

/**
 * Where a running SecretBox re-reads its ring from (the key file): `read()` returns the keys,
 * current first, or undefined when nothing changed since the last read (so a reload costs one
 * `stat`).
 */
export interface KeyRingSource {
  read(): readonly SecretKey[] | undefined;
}

/**
 * A fresh random 96-bit GCM nonce (NIST SP 800-38D §8.2.2, random construction), taken from a
 * block of CSPRNG output fetched 512 nonces at a time: one `randomBytes` call per nonce was half
 * the cost of a seal (≈ 13 µs → ≈ 5 µs per seal; the refresh path seals twice, issue 11). Each
 * nonce is used once: the offset only moves forward and a used block is never read again.
 */
const NONCE_BLOCK = NONCE_BYTES * 512;
let nonceBlock = Buffer.alloc(0);
let nonceOffset = 0;
function freshNonce(): Buffer {
  if (nonceOffset + NONCE_BYTES > nonceBlock.length) {
    nonceBlock = randomBytes(NONCE_BLOCK);
    nonceOffset = 0;
  }
  const nonce = nonceBlock.subarray(nonceOffset, nonceOffset + NONCE_BYTES);
  nonceOffset += NONCE_BYTES;
  return nonce;
}

export class SecretBox {
  #keys: Map<string, Buffer>;
  #current: SecretKey;
  readonly #source: KeyRingSource | undefined;

  /**
   * @param keys current key first, then previous keys that may still open old ciphertexts.
   * @param options.source where `reload()` re-reads the ring (a key rotated while the server runs).
   */
  constructor(keys: readonly SecretKey[], options: { source?: KeyRingSource | undefined } = {}) {
    const [current] = keys;
    if (!current) throw new ConsentryError('SECRET_KEY_MISSING');
    this.#current = current;
    this.#keys = new Map(keys.map((k) => [k.id, k.key]));
    this.#source = options.source;
  }

  /**
   * Re-reads the ring from its source (`secret-key rotate` rewrote the key file): the source's
   * first key becomes current, its keys come first, and keys this box already held stay after
   * them — a running server never loses a key it could open with (a pruned key goes at the next
   * restart), so a hand-edited or truncated key file cannot break it. Returns true when the ring
   * changed. Called on an unknown key id in `open` and by the key-ring heartbeat.
   */
  reload(): boolean {
    const read = this.#source?.read();
    if (!read?.length) return false;
    const next = new Map(read.map((k) => [k.id, k.key]));
    for (const [id, key] of this.#keys) if (!next.has(id)) next.set(id, key);
    const changed =
      read[0]!.id !== this.#current.id ||
      next.size !== this.#keys.size ||
      [...next.keys()].some((id, i) => [...this.#keys.keys()][i] !== id);
    this.#keys = next;
    this.#current = read[0]!;
    return changed;
  }

  get currentKeyId(): string {
    return this.#current.id;
  }

  /**
   * Keys for another purpose derived from the ring (HKDF-SHA256, RFC 5869, `info` = purpose):
   * current key's first, then the previous keys' — so a MAC made before a key rotation still
   * verifies. The ring's keys themselves never leave this class.
   */
  derivedKeys(purpose: string): Buffer[] {
    const ordered = [this.#current.key, ...[...this.#keys.values()].filter((k) => k !== this.#current.key)];
    return ordered.map((k) =>
      Buffer.from(hkdfSync('sha256', k, Buffer.alloc(0), `consentry:${purpose}`, 32)),
    );
  }

  get keyIds(): string[] {
    return [...this.#keys.keys()];
  }

  seal(plaintext: string, aad: string): string {
    const nonce = freshNonce();
    const cipher = createCipheriv('aes-256-gcm', this.#current.key, nonce, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(aad, 'utf8'));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
    return `${VERSION}.${this.#current.id}.${nonce.toString('base64url')}.${body.toString('base64url')}`;
  }

  open(sealed: string, aad: string): string {
    const parts = sealed.split('.');
    if (parts.length !== 4 || parts[0] !== VERSION) throw new ConsentryError('SECRET_FORMAT_INVALID');
    const [, keyId, nonceB64, bodyB64] = parts as [string, string, string, string];
    // A key id we do not hold: another process may have rotated the key file; re-read it once.
    const key = this.#keys.get(keyId) ?? (this.reload() ? this.#keys.get(keyId) : undefined);
    if (!key) throw new ConsentryError('SECRET_KEY_UNKNOWN', { facts: { keyId } });
    const nonce = Buffer.from(nonceB64, 'base64url');
    const body = Buffer.from(bodyB64, 'base64url');
    if (nonce.length !== NONCE_BYTES || body.length < TAG_BYTES)
      throw new ConsentryError('SECRET_FORMAT_INVALID');
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
      decipher.setAAD(Buffer.from(aad, 'utf8'));
      decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
      return Buffer.concat([
        decipher.update(body.subarray(0, body.length - TAG_BYTES)),
        decipher.final(),
      ]).toString('utf8');
    } catch (cause) {
      // The cause is OpenSSL's "unable to authenticate data": no plaintext in it, but keep it out anyway.
      throw new ConsentryError('SECRET_OPEN_FAILED', { facts: { keyId }, cause: new Error(String(cause)) });
    }
  }

  /** The key id a sealed value was sealed under, without opening it (for rewrap progress). */
  static keyIdOfSealed(sealed: string): string | undefined {
    const parts = sealed.split('.');
    return parts.length === 4 ? parts[1] : undefined;
  }

  static generateKey(): Buffer {
    return randomBytes(32);
  }
}
