import type { AuditEvent, AuditEventInput } from '../../domain/audit.ts';

/** The audit trail's storage port (issue 10). Append-only: there is no update or delete. */
export interface AuditFilter {
  action?: string | undefined;
  /** Matches the actor's label (email, `user@host`) or id exactly. */
  actor?: string | undefined;
  from?: Date | undefined;
  /** Exclusive. */
  to?: Date | undefined;
  /** Rows with a smaller `seq` (paging backwards from the newest). */
  beforeSeq?: number | undefined;
  limit?: number | undefined;
}

export interface AuditRepository {
  /**
   * Appends one row at `head + 1`, chained to the head's hash, and moves the head — in one
   * transaction that first takes the head row's write lock, so appends from several instances
   * queue instead of forking the chain (the `seq` primary key refuses a fork regardless).
   */
  append(input: AuditEventInput, at: Date): Promise<AuditEvent>;
  /** Newest first. */
  list(filter?: AuditFilter): Promise<AuditEvent[]>;
  /** Oldest first, `seq > afterSeq`, at most `limit` rows (for `audit verify`). */
  page(afterSeq: number, limit: number): Promise<AuditEvent[]>;
  head(): Promise<{ seq: number; hash: string }>;
}
