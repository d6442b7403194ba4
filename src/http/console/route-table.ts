import type { FastifyInstance } from 'fastify';

/**
 * Every route the server registers, with the permission it declares — collected by an `onRoute`
 * hook installed before the first route, so the route-table test sees every face's routes.
 */
export interface RouteEntry {
  method: string;
  url: string;
  permission: unknown;
}

declare module 'fastify' {
  interface FastifyInstance {
    routeTable: RouteEntry[];
  }
}

export function collectRoutes(app: FastifyInstance): RouteEntry[] {
  const table: RouteEntry[] = [];
  app.decorate('routeTable', table);
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods)
      table.push({
        method,
        url: route.url,
        permission: (route.config as { permission?: unknown } | undefined)?.permission,
      });
  });
  return table;
}
