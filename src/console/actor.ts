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
}

export const OPERATOR: Actor = { userId: undefined, label: 'operator (CLI)', permissions: ALL_PERMISSIONS };

export function can(actor: Actor, permission: Permission): boolean {
  return actor.permissions.includes(permission);
}

export function assertCan(actor: Actor, permission: Permission): void {
  if (!can(actor, permission)) throw new ConsentryError('FORBIDDEN', { facts: { permission } });
}
