/**
 * Ports for key rotation while servers run (issue 10): the per-instance heartbeat with the
 * SecretBox key ids each server holds, and the sealed sentinel `/healthz` opens.
 */
export interface InstanceHeartbeat {
  id: string;
  currentKeyId: string;
  /** Every key id the instance can open with, current first. */
  keyIds: string[];
  keySource: 'file' | 'env';
  host: string;
  pid: number;
  startedAt: Date;
  heartbeatAt: Date;
  /** The instance counts as live until then (a few heartbeat intervals after the last beat). */
  expiresAt: Date;
}

export interface KeyRingInstanceRepository {
  /** Upserts this instance's row. */
  beat(heartbeat: InstanceHeartbeat): Promise<void>;
  /** Instances whose heartbeat has not expired at `now`; expired rows are swept. */
  live(now: Date): Promise<InstanceHeartbeat[]>;
  /** A stopping instance removes its row, so `rewrap` does not wait for it. */
  remove(id: string): Promise<void>;
}

export interface SentinelRepository {
  /**
   * The sentinel's plaintext: created (random, sealed) when missing — the first of several
   * starting instances wins — else opened. Throws the SecretBox's error when it cannot be opened.
   */
  ensure(): Promise<string>;
  /** Opens the stored sentinel (throws SECRET_KEY_UNKNOWN / SECRET_OPEN_FAILED / SECRET_KEY_MISSING). */
  open(): Promise<string>;
}
