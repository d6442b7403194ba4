import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Application client secrets: generated here (256 bits from the CSPRNG), shown once, stored only
 * as a SHA-256 hash.
 *
 * Why SHA-256 and not bcrypt/scrypt/argon2: a slow KDF exists to make guessing a *human-chosen*
 * password expensive. These secrets are never chosen by a person: 2^256 possibilities cannot be
 * searched whatever the hash costs, so a fast hash loses nothing. A slow one would instead cap the
 * token endpoint — every client_credentials request checks the secret: SHA-256 ~900k/s versus
 * PBKDF2 (25k iterations) ~220/s or argon2id (64 MiB) ~5/s on one core (shared/design/BENCHMARKS.md).
 */
export const generateClientSecret = (): string => randomBytes(32).toString('base64url');

/** Public identifier: 128 random bits are plenty to avoid collisions; it is not a secret. */
export const generateClientId = (): string => `app_${randomBytes(16).toString('hex')}`;

export const hashClientSecret = (secret: string): string =>
  createHash('sha256').update(secret, 'utf8').digest('hex');

/** Constant-time comparison of the presented secret's hash with a stored hash. */
export function secretMatches(presented: string, storedHash: string | undefined): boolean {
  if (!storedHash) return false;
  const a = createHash('sha256').update(presented, 'utf8').digest();
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
