/**
 * What a console user may do. Every HTTP route declares one `RouteAccess` in
 * `config.permission`; the console's access hook enforces it for every face.
 *
 * - `public`: anyone (callback, health, assets, sign-in, setup, and faces that authenticate their
 *   own callers such as the token endpoint);
 * - `signed_in`: any signed-in user (sign-out, the dashboard);
 * - a permission below: a signed-in user holding it.
 */
export const PERMISSIONS = {
  administer_oauth: 'Administer OAuth: providers and registered clients',
  manage_secrets: 'Manage OAuth secrets: replace client secrets, inspect tokens',
  connect_accounts: 'Connect accounts: start flows, see own connections',
  manage_users: 'Manage console users',
} as const;

export type Permission = keyof typeof PERMISSIONS;
export type RouteAccess = Permission | 'public' | 'signed_in';

export const ALL_PERMISSIONS = Object.keys(PERMISSIONS) as Permission[];

export function isPermission(value: unknown): value is Permission {
  return typeof value === 'string' && Object.hasOwn(PERMISSIONS, value);
}

export function isRouteAccess(value: unknown): value is RouteAccess {
  return value === 'public' || value === 'signed_in' || isPermission(value);
}

/** Parses a user's stored or typed permission list; unknown names are refused, not dropped. */
export function parsePermissions(text: string | readonly string[]): Permission[] {
  const names = (typeof text === 'string' ? text.split(/[\s,]+/) : [...text]).filter(Boolean);
  const out = new Set<Permission>();
  for (const n of names) {
    if (!isPermission(n)) throw new Error(`unknown permission “${n}” (known: ${ALL_PERMISSIONS.join(', ')})`);
    out.add(n);
  }
  return ALL_PERMISSIONS.filter((p) => out.has(p));
}
