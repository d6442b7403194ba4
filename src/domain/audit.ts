import { createHash } from 'node:crypto';

/**
 * The audit trail's rows and its hash chain (issue 10). Pure: storage computes the hash inside
 * its append transaction, `audit verify` recomputes it.
 *
 * `hash = SHA-256(prev_hash ‖ "\n" ‖ canonical(row))`, hex, where `canonical` is the JSON array of
 * the row's fields in a fixed order with `details` as the exact stored text — so re-serialising
 * JSON can never change a hash, and editing any field (or moving a row) breaks it. The first row's
 * `prev_hash` is `GENESIS_HASH`.
 */
export const GENESIS_HASH = '0'.repeat(64);

/** Who did it. `user`: a console user; `cli`: the operator at a terminal; `system`: the server itself. */
export type AuditActorKind = 'user' | 'cli' | 'system';

export interface AuditActor {
  kind: AuditActorKind;
  /** Console user id (kind `user`). */
  id?: string | undefined;
  /** A person-readable name: the user's email, `user@host` for the CLI, a component for `system`. */
  label: string;
  /** Where from: the client IP of the console request (kind `user`). */
  address?: string | undefined;
}

/** Details are flat facts (ids, names, counts) — never a secret. */
export type AuditDetails = Record<string, string | number | boolean | null>;

/** Known actions (other features may add their own `<area>.<verb>` names). */
export const AUDIT_ACTIONS = [
  'connection.consent',
  'connection.reconnect',
  'connection.needs_reauth',
  'connection.grant',
  'connection.inspect',
  'client.secret_change',
  'application.create',
  'application.rotate_secret',
  'application.deactivate',
  'application.activate',
  'application.delete',
  'secret_key.rotate',
  'secret_key.rewrap',
  'secret_key.prune',
  'user.create',
  'user.delete',
  'user.permissions',
] as const;
export type KnownAuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEventInput {
  action: string;
  actor: AuditActor;
  target?: { type: string; id: string } | undefined;
  details?: AuditDetails | undefined;
}

export interface AuditEvent {
  seq: number;
  at: Date;
  actor: AuditActor;
  action: string;
  target: { type: string; id: string } | undefined;
  details: AuditDetails;
  /** The stored JSON text of `details` (what the hash covers). */
  detailsText: string;
  prevHash: string;
  hash: string;
}

/** The row as hashed: every field but `hash`, in a fixed order. */
export function canonicalAuditRow(e: Omit<AuditEvent, 'hash' | 'prevHash' | 'details'>): string {
  return JSON.stringify([
    e.seq,
    e.at.getTime(),
    e.actor.kind,
    e.actor.id ?? null,
    e.actor.label,
    e.actor.address ?? null,
    e.action,
    e.target?.type ?? null,
    e.target?.id ?? null,
    e.detailsText,
  ]);
}

export function chainHash(prevHash: string, canonical: string): string {
  return createHash('sha256').update(`${prevHash}\n${canonical}`).digest('hex');
}

/** The details as stored: keys sorted, so equal facts give equal text. */
export function auditDetailsText(details: AuditDetails | undefined): string {
  const d = details ?? {};
  return JSON.stringify(
    Object.fromEntries(
      Object.keys(d)
        .sort()
        .map((k) => [k, d[k] ?? null]),
    ),
  );
}
