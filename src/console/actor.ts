import { hostname, userInfo } from 'node:os';
import type { AuditActor } from '../domain/audit.ts';
import { ConsentryError } from '../domain/errors.ts';
import { ALL_PERMISSIONS, type Permission } from './permissions.ts';

/**
 * Who performs a service call. The web console passes the signed-in user; the CLI runs as the
 * machine's operator (it already holds the data directory and the key), with every permission.
 */
export interface Actor {
  userId: string | undefined;
  label: string;
  permissions: readonly Permission[];
  /** The console request's client address (audit trail, issue 10). */
  address?: string | undefined;
  /** The CLI operator (audit trail): recorded as kind `cli` with `user@host`. */
  operator?: boolean;
}

export const OPERATOR: Actor = {
  userId: undefined,
  label: 'operator (CLI)',
  permissions: ALL_PERMISSIONS,
  operator: true,
};

export function can(actor: Actor, permission: Permission): boolean {
  return actor.permissions.includes(permission);
}

export function assertCan(actor: Actor, permission: Permission): void {
  if (!can(actor, permission)) throw new ConsentryError('FORBIDDEN', { facts: { permission } });
}

/** The operator at a terminal, as the audit trail names them: `<os user>@<host>`. */
export function cliAuditActor(): AuditActor {
  let user = 'unknown';
  try {
    user = userInfo().username;
  } catch {
    // No passwd entry (some containers): the host still says where the command ran.
  }
  return { kind: 'cli', label: `${user}@${hostname()}` };
}

/** How the audit trail records an actor: console users by id and email, the CLI as `user@host`. */
export function auditActorOf(actor: Actor | undefined): AuditActor {
  if (!actor) return { kind: 'system', label: 'consentry' };
  if (actor.operator) return cliAuditActor();
  if (actor.userId)
    return {
      kind: 'user',
      id: actor.userId,
      label: actor.label,
      ...(actor.address ? { address: actor.address } : {}),
    };
  return { kind: 'system', label: actor.label, ...(actor.address ? { address: actor.address } : {}) };
}
