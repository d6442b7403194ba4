import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type JsonWebKey,
  type KeyObject,
  randomBytes,
} from 'node:crypto';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { MAX_TOKEN_LIFETIME_SECONDS } from '../domain/application.ts';
import { ConsentryError } from '../domain/errors.ts';

/**
 * Signing keys of the provider role, kept as files in KEYS_DIR (never in the database):
 *
 *   <kid>.private.pem  PKCS#8 private key, mode 0600 — a key readable by others is refused
 *   <kid>.json         public metadata: kid, alg, createdAt, signsFrom, public JWK
 *
 * Rotation without a flag day: a new key is published in the JWKS from the moment it is written
 * and starts signing only at `signsFrom`, so verifiers that cache the JWKS learn it first. A key
 * stops signing when a newer one takes over, and stays published MAX_TOKEN_LIFETIME_SECONDS longer,
 * so every token it signed can be verified until it expires. Everything follows from the files
 * and the clock: several instances sharing the directory agree without coordination.
 */
export type SigningAlg = 'RS256' | 'ES256' | 'EdDSA';
export const SIGNING_ALGS: readonly SigningAlg[] = ['RS256', 'ES256', 'EdDSA'];

export interface SigningKey {
  kid: string;
  alg: SigningAlg;
  createdAt: Date;
  signsFrom: Date;
  privateKey: KeyObject;
  publicKey: KeyObject;
  publicJwk: JsonWebKey & { kid: string; alg: SigningAlg; use: 'sig' };
}

export interface KeyMetadata {
  kid: string;
  alg: SigningAlg;
  createdAt: string;
  signsFrom: string;
  publicJwk: SigningKey['publicJwk'];
}

export type KeyState = 'pending' | 'signing' | 'retired' | 'expired';

export function generateKeyFiles(
  dir: string,
  options: { alg?: SigningAlg; signsFrom?: Date; now?: Date } = {},
): KeyMetadata {
  const alg = options.alg ?? 'RS256';
  const now = options.now ?? new Date();
  const { privateKey, publicKey } =
    alg === 'RS256'
      ? generateKeyPairSync('rsa', { modulusLength: 2048 })
      : alg === 'ES256'
        ? generateKeyPairSync('ec', { namedCurve: 'P-256' })
        : generateKeyPairSync('ed25519');
  const kid = `${now.toISOString().slice(0, 10).replaceAll('-', '')}-${randomBytes(6).toString('hex')}`;
  const metadata: KeyMetadata = {
    kid,
    alg,
    createdAt: now.toISOString(),
    signsFrom: (options.signsFrom ?? now).toISOString(),
    publicJwk: { ...publicKey.export({ format: 'jwk' }), kid, alg, use: 'sig' },
  };
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const privateFile = join(dir, `${kid}.private.pem`);
  // Written 0600 from the first byte (mode applies at creation; chmod again in case of a umask quirk).
  writeFileSync(privateFile, privateKey.export({ format: 'pem', type: 'pkcs8' }), {
    mode: 0o600,
    flag: 'wx',
  });
  chmodSync(privateFile, 0o600);
  // The metadata goes last: a key is only seen once its private half is complete.
  writeFileSync(join(dir, `${kid}.json`), `${JSON.stringify(metadata, null, 2)}\n`, { mode: 0o644 });
  return metadata;
}

/** Reads every key in the directory. Throws on a private key others can read, or a broken file. */
export function readKeyDirectory(dir: string): SigningKey[] {
  if (!existsSync(dir)) return [];
  const keys: SigningKey[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (!name.endsWith('.json')) continue;
    const privateFile = join(dir, name.replace(/\.json$/, '.private.pem'));
    let metadata: KeyMetadata;
    try {
      metadata = JSON.parse(readFileSync(join(dir, name), 'utf8')) as KeyMetadata;
    } catch (cause) {
      throw new ConsentryError('SIGNING_KEY_INVALID', { detail: `${name} is not valid JSON.`, cause });
    }
    if (!SIGNING_ALGS.includes(metadata.alg) || !metadata.kid)
      throw new ConsentryError('SIGNING_KEY_INVALID', { detail: `${name} names no supported alg or kid.` });
    if (!existsSync(privateFile))
      throw new ConsentryError('SIGNING_KEY_INVALID', { detail: `${privateFile} is missing.` });
    const mode = statSync(privateFile).mode;
    if (mode & 0o077)
      throw new ConsentryError('SIGNING_KEY_INSECURE', {
        detail: `${privateFile} has mode ${(mode & 0o777).toString(8)}; run: chmod 600 ${privateFile}`,
        facts: { file: privateFile },
      });
    let privateKey: KeyObject;
    try {
      privateKey = createPrivateKey(readFileSync(privateFile));
    } catch (cause) {
      throw new ConsentryError('SIGNING_KEY_INVALID', {
        detail: `${privateFile} is not a private key.`,
        cause,
      });
    }
    const publicKey = createPublicKey(privateKey);
    keys.push({
      kid: metadata.kid,
      alg: metadata.alg,
      createdAt: new Date(metadata.createdAt),
      signsFrom: new Date(metadata.signsFrom),
      privateKey,
      publicKey,
      publicJwk: { ...publicKey.export({ format: 'jwk' }), kid: metadata.kid, alg: metadata.alg, use: 'sig' },
    });
  }
  return keys;
}

/** A point-in-time view of the keys: which one signs, which are published, until when this holds. */
export interface KeySetView {
  signing: SigningKey | undefined;
  published: SigningKey[];
  states: Map<string, KeyState>;
  /** The next instant a key changes state (a pending key starts signing, a retired key expires). */
  validUntil: number;
}

export function viewAt(keys: readonly SigningKey[], now: number): KeySetView {
  const order = [...keys].sort(
    (a, b) => a.signsFrom.getTime() - b.signsFrom.getTime() || a.createdAt.getTime() - b.createdAt.getTime(),
  );
  const started = order.filter((k) => k.signsFrom.getTime() <= now);
  const signing = started.at(-1);
  const states = new Map<string, KeyState>();
  const published: SigningKey[] = [];
  let validUntil = Number.POSITIVE_INFINITY;
  const keepMs = MAX_TOKEN_LIFETIME_SECONDS * 1000;
  order.forEach((key, i) => {
    const start = key.signsFrom.getTime();
    let state: KeyState;
    if (start > now) {
      state = 'pending';
      validUntil = Math.min(validUntil, start);
    } else if (key === signing) {
      state = 'signing';
    } else {
      // Retired when the next started key took over; published until its last token expired.
      const successor = order.slice(i + 1).find((k) => k.signsFrom.getTime() <= now)!;
      const until = successor.signsFrom.getTime() + keepMs;
      state = until > now ? 'retired' : 'expired';
      if (state === 'retired') validUntil = Math.min(validUntil, until);
    }
    states.set(key.kid, state);
    if (state !== 'expired') published.push(key);
  });
  return { signing, published, states, validUntil };
}
