import {
  type AuditEvent,
  type AuditEventInput,
  canonicalAuditRow,
  chainHash,
  GENESIS_HASH,
} from '../domain/audit.ts';
import type { AuditFilter, AuditRepository } from '../storage/audit/audit.ports.ts';

/**
 * The audit trail (issue 10): who did what, when, from where — appended with a hash chain so an
 * edited, inserted or deleted row is detected by `verify()` (`consentry audit verify`).
 *
 * Any feature records through `consentry.audit.record({ action, actor, target, details })`.
 * `record` never throws: the action it describes has already happened, so a failed append is
 * logged at error level (through `onError`) rather than turned into a failed request. Details are
 * flat facts — ids, names, counts — and never a secret.
 */
export interface AuditTrailOptions {
  repository: AuditRepository;
  now?: () => Date;
  onError?: (error: Error, input: AuditEventInput) => void;
}

export interface AuditVerification {
  ok: boolean;
  /** Rows checked. */
  checked: number;
  head: { seq: number; hash: string };
  /** The first problem found (verification stops there). */
  problem?:
    | {
        seq: number;
        kind: 'edited' | 'missing' | 'reordered' | 'head_mismatch';
        message: string;
      }
    | undefined;
}

const PAGE = 1000;

export class AuditTrail {
  readonly #o: AuditTrailOptions;
  readonly #now: () => Date;

  constructor(options: AuditTrailOptions) {
    this.#o = options;
    this.#now = options.now ?? (() => new Date());
  }

  /** Appends one event; returns it, or undefined when the append failed (logged). */
  async record(input: AuditEventInput): Promise<AuditEvent | undefined> {
    try {
      return await this.#o.repository.append(input, this.#now());
    } catch (e) {
      this.#o.onError?.(e as Error, input);
      return undefined;
    }
  }

  /** Newest first; filters by action, actor (label or id) and time range. */
  list(filter: AuditFilter = {}): Promise<AuditEvent[]> {
    return this.#o.repository.list(filter);
  }

  /**
   * Walks the whole chain from the first row: every `seq` follows its predecessor by one, every
   * `prev_hash` is the predecessor's `hash`, every `hash` recomputes from the row, and the last row
   * is the recorded head (a deleted last row is detected there).
   */
  async verify(): Promise<AuditVerification> {
    const head = await this.#o.repository.head();
    let prevSeq = 0;
    let prevHash = GENESIS_HASH;
    let checked = 0;
    const fail = (seq: number, kind: NonNullable<AuditVerification['problem']>['kind'], message: string) => ({
      ok: false,
      checked,
      head,
      problem: { seq, kind, message },
    });
    for (;;) {
      const rows = await this.#o.repository.page(prevSeq, PAGE);
      for (const row of rows) {
        if (row.seq !== prevSeq + 1)
          return fail(
            prevSeq + 1,
            'missing',
            `row ${prevSeq + 1}${row.seq > prevSeq + 2 ? `–${row.seq - 1}` : ''} is missing (deleted)`,
          );
        if (row.prevHash !== prevHash)
          return fail(row.seq, 'reordered', `row ${row.seq} does not chain to row ${prevSeq}`);
        if (chainHash(row.prevHash, canonicalAuditRow(row)) !== row.hash)
          return fail(row.seq, 'edited', `row ${row.seq} was edited (its hash does not match its content)`);
        prevSeq = row.seq;
        prevHash = row.hash;
        checked++;
      }
      if (rows.length < PAGE) break;
    }
    if (prevSeq !== head.seq || prevHash !== head.hash)
      return fail(
        prevSeq < head.seq ? prevSeq + 1 : prevSeq,
        prevSeq < head.seq ? 'missing' : 'head_mismatch',
        prevSeq < head.seq
          ? `rows ${prevSeq + 1}–${head.seq} are missing (deleted at the end of the trail)`
          : `the recorded head (row ${head.seq}) does not match the last row ${prevSeq}`,
      );
    return { ok: true, checked, head };
  }
}
