import type { SecretBox } from '../secrets/secret-box.ts';
import type { InstanceHeartbeat, KeyRingInstanceRepository } from '../storage/key-ring/key-ring.ports.ts';

/**
 * Keeps a running server's SecretBox ring current and tells the other processes which keys it
 * holds (issue 10, "key rotation that never breaks a running server").
 *
 * Every `intervalMs` it re-reads the key file (`box.reload()`: one `stat` when nothing changed)
 * and upserts this instance's row in `key_ring_instances` with the key ids it holds and an expiry
 * of three intervals (at least 30 s). `consentry secret-key rewrap` starts only when every live row names the new
 * current key, so no server still seals under the old key or lacks the new one when values
 * re-sealed under it start to appear. A stopping server removes its row; a crashed one expires.
 *
 * The SecretBox also re-reads the file by itself whenever it meets a key id it does not hold, so
 * between two beats a value sealed by a faster instance still opens.
 */
export interface KeyRingHeartbeatOptions {
  box: SecretBox;
  instances: KeyRingInstanceRepository;
  instanceId: string;
  keySource: 'file' | 'env';
  host: string;
  pid: number;
  intervalMs: number;
  now?: () => Date;
  log?: (level: 'info' | 'warn' | 'error', facts: Record<string, unknown>, message: string) => void;
}

export class KeyRingHeartbeat {
  readonly #o: KeyRingHeartbeatOptions;
  readonly #now: () => Date;
  readonly #startedAt: Date;
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> | undefined;
  #stopped = false;

  constructor(options: KeyRingHeartbeatOptions) {
    this.#o = options;
    this.#now = options.now ?? (() => new Date());
    this.#startedAt = this.#now();
  }

  /** Beats once now (so a server is known before it serves), then every interval. */
  async start(): Promise<void> {
    this.#stopped = false;
    await this.beat();
    this.#schedule();
  }

  /** One beat: re-read the ring, record the held key ids. Errors are logged, never thrown. */
  async beat(): Promise<InstanceHeartbeat | undefined> {
    const box = this.#o.box;
    try {
      const before = box.currentKeyId;
      if (box.reload())
        this.#o.log?.(
          'info',
          { previousKeyId: before, currentKeyId: box.currentKeyId, keyIds: box.keyIds },
          'secret-box key ring re-read: sealing with the new current key',
        );
      const now = this.#now();
      const heartbeat: InstanceHeartbeat = {
        id: this.#o.instanceId,
        currentKeyId: box.currentKeyId,
        keyIds: box.keyIds,
        keySource: this.#o.keySource,
        host: this.#o.host,
        pid: this.#o.pid,
        startedAt: this.#startedAt,
        heartbeatAt: now,
        // Three missed beats, and never under 30 s: a server slowed by load must not drop out of
        // the list rewrap waits for (a crashed one delays rewrap by this much at most).
        expiresAt: new Date(now.getTime() + Math.max(3 * this.#o.intervalMs, 30_000)),
      };
      await this.#o.instances.beat(heartbeat);
      return heartbeat;
    } catch (e) {
      this.#o.log?.('error', { err: { message: (e as Error).message } }, 'key-ring heartbeat failed');
      return undefined;
    }
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
    await this.#running;
    await this.#o.instances.remove(this.#o.instanceId).catch(() => {});
  }

  #schedule(): void {
    if (this.#stopped) return;
    this.#timer = setTimeout(() => {
      this.#running = this.beat().then(() => {
        this.#running = undefined;
        this.#schedule();
      });
    }, this.#o.intervalMs);
    this.#timer.unref();
  }
}

/**
 * Waits (polling every `pollMs`, at most `waitMs`) until every live instance holds `keyId` as its
 * current key. `ready` false: the instances still lacking it when the wait ran out.
 */
export async function awaitKeyEverywhere(
  instances: KeyRingInstanceRepository,
  keyId: string,
  options: { waitMs: number; pollMs?: number; now?: () => Date },
): Promise<{ ready: boolean; live: InstanceHeartbeat[]; lacking: InstanceHeartbeat[] }> {
  const now = options.now ?? (() => new Date());
  const deadline = Date.now() + options.waitMs;
  for (;;) {
    const live = await instances.live(now());
    const lacking = instancesLacking(live, keyId);
    if (lacking.length === 0) return { ready: true, live, lacking };
    if (Date.now() >= deadline) return { ready: false, live, lacking };
    await new Promise((r) =>
      setTimeout(r, Math.min(options.pollMs ?? 500, Math.max(1, deadline - Date.now()))),
    );
  }
}

/**
 * Whether every live instance holds `keyId` as its current key — what `secret-key rewrap` waits
 * for. Returns the instances that do not yet.
 */
export function instancesLacking(live: readonly InstanceHeartbeat[], keyId: string): InstanceHeartbeat[] {
  return live.filter((i) => i.currentKeyId !== keyId || !i.keyIds.includes(keyId));
}
