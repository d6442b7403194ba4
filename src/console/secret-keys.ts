import { existsSync, readFileSync } from 'node:fs';
import type { Config } from '../config/config.ts';
import { ConsentryError } from '../domain/errors.ts';
import { parseKeys, writeKeyFile } from '../secrets/key-ring.ts';
import { SecretBox, type SecretKey, secretKeyFrom } from '../secrets/secret-box.ts';

/**
 * Key rotation (`consentry secret-key rotate|prune`). The procedure:
 *
 * 1. `rotate` puts a new key first in the ring; the old keys stay after it, so everything sealed
 *    so far still opens.
 * 2. Restart the servers: they seal new writes under the new key and still open old values.
 * 3. `rewrap` re-seals every stored value under the new key (safe while servers run).
 * 4. `prune` drops keys no stored value uses any more.
 *
 * With the key file (`<DATA_DIR>/secret-box.key`) the ring is rewritten in place (mode 0600). With
 * `SECRET_BOX_KEY` the new value is returned for the operator to set, since only they can change
 * the environment.
 */
export interface KeyRingChange {
  source: 'file' | 'env';
  currentKeyId: string;
  keyIds: string[];
  /** The new SECRET_BOX_KEY value (env source only). Contains secrets. */
  envValue?: string;
}

export function currentRing(config: Config): { source: 'file' | 'env'; keys: SecretKey[] } {
  if (config.secretBoxKey?.trim()) return { source: 'env', keys: parseKeys(config.secretBoxKey) };
  if (!existsSync(config.secretKeyFile))
    throw new ConsentryError('SECRET_KEY_MISSING', {
      detail: `No key file at ${config.secretKeyFile} and SECRET_BOX_KEY is not set; start Consentry once first.`,
    });
  return { source: 'file', keys: parseKeys(readFileSync(config.secretKeyFile, 'utf8')) };
}

function apply(config: Config, source: 'file' | 'env', keys: SecretKey[]): KeyRingChange {
  const change: KeyRingChange = { source, currentKeyId: keys[0]!.id, keyIds: keys.map((k) => k.id) };
  if (source === 'file') writeKeyFile(config.secretKeyFile, keys);
  else change.envValue = keys.map((k) => k.key.toString('base64')).join(',');
  return change;
}

export function rotateKey(config: Config): KeyRingChange {
  const { source, keys } = currentRing(config);
  return apply(config, source, [secretKeyFrom(SecretBox.generateKey()), ...keys]);
}

/** Drops every key except the current one and those still sealing a stored value. */
export function pruneKeys(
  config: Config,
  usage: Record<string, number>,
): KeyRingChange & { removed: string[] } {
  const { source, keys } = currentRing(config);
  const [current, ...rest] = keys;
  const kept = [current!, ...rest.filter((k) => (usage[k.id] ?? 0) > 0)];
  const removed = rest.filter((k) => !kept.includes(k)).map((k) => k.id);
  return { ...apply(config, source, kept), removed };
}
