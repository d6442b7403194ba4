import type { FastifyInstance } from 'fastify';
import { isPermission, isRouteAccess } from '../../console/permissions.ts';
import type { UserService } from '../../console/users.ts';
import { ConsentryError } from '../../domain/errors.ts';
import { withQuery } from '../../domain/safe-path.ts';
import { SESSION_COOKIE } from '../session.ts';

/**
 * The one access check, installed on the root instance so it covers every face's routes:
 * `config.permission` is read from the matched route and enforced before anything else runs.
 * A route without a known permission is refused (fail closed) — and the route-table test catches
 * it before that ever ships.
 */
export function installAccessControl(app: FastifyInstance, users: UserService): void {
  app.decorateRequest('consoleUser', undefined);
  app.addHook('onRequest', async (request, reply) => {
    // The demo provider hijacks /demo/* before routing; not-found pages have no route.
    if (reply.sent || request.is404) return;
    const permission = request.routeOptions.config?.permission;
    if (permission === 'public') return;
    if (!isRouteAccess(permission)) {
      throw new ConsentryError('ROUTE_PERMISSION_MISSING', {
        detail:
          'Declare config.permission on the route (use “public” when the route authenticates its callers itself).',
        facts: { route: request.routeOptions.url ?? '', permission: String(permission ?? '') },
      });
    }
    const user = await users.userOfSession(request.cookies[SESSION_COOKIE]);
    request.consoleUser = user;
    if (!user) {
      const wantsPage =
        request.method === 'GET' && !(request.headers.accept ?? '').includes('application/json');
      if (wantsPage) {
        const target = (await users.hasUsers()) ? '/sign-in' : '/setup';
        const next = request.url.length < 1000 ? request.url : '/';
        return reply.redirect(
          target === '/sign-in' && next !== '/' ? withQuery(target, { next }) : target,
          303,
        );
      }
      throw new ConsentryError('SIGN_IN_REQUIRED');
    }
    if (isPermission(permission) && !user.permissions.includes(permission)) {
      throw new ConsentryError('FORBIDDEN', { facts: { permission } });
    }
  });
}
