/**
 * The admin console: server-rendered pages over the console service layer (src/console/).
 *
 * ## Access control (every face)
 * `installAccessControl` puts one `onRequest` hook on the ROOT instance, so it covers every route
 * of every face: the route's `config.permission` must be `'public'`, `'signed_in'` or a console
 * permission (`administer_oauth`, `manage_secrets`, `connect_accounts`, `manage_users`); anything
 * else (or nothing) is refused with ROUTE_PERMISSION_MISSING. Faces that authenticate their own
 * callers (token endpoint, JSON API) declare `'public'`. test/console/route-table.test.ts walks the
 * route table and fails on a route without a permission.
 *
 * ## Adding console pages from another face
 * 1. Write a module under src/http/console/ (e.g. `apps.ts`) exporting a `ConsolePageModule`:
 *      export const appsPages: ConsolePageModule = {
 *        nav: [{ href: '/apps', label: 'Applications', permission: 'administer_oauth' }],
 *        register(app, ctx) {
 *          app.get('/apps', { config: { permission: 'administer_oauth' } }, async (request, reply) =>
 *            renderPage(request, reply, ctx, { title: 'Applications', body: html`…`, active: '/apps' }));
 *          app.post('/apps', { config: { permission: 'administer_oauth' } }, async (request, reply) => {
 *            … return redirectWithFlash(reply, ctx, '/apps', 'ok', 'Saved.');
 *          });
 *        },
 *      };
 * 2. Add it to `CONSOLE_PAGES` in ./pages.ts (one line).
 * Inside `register` you get a Fastify scope where every non-GET request must carry the session's
 * CSRF token (`csrfField(request, reply, ctx)` in each form; `actionButton(...)` for one-button
 * forms) and pass the Origin / Sec-Fetch-Site check. `ctx.deps` holds the composition root's parts
 * (db, store, client, providers, config) to build your own services from; `request.consoleUser`
 * is the signed-in user; `actorOf(request)` the actor for service calls. Helpers: ./context.ts.
 */
import type { FastifyInstance } from 'fastify';
import { assertCsrf } from '../session.ts';
import { installAccessControl } from './access.ts';
import { assetRoutes } from './assets.ts';
import type { ConsoleContext, ConsoleDeps } from './context.ts';
import { CONSOLE_PAGES, type ConsolePageModule } from './pages.ts';

export type { ConsoleDeps } from './context.ts';
export type { ConsolePageModule } from './pages.ts';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

export function consolePlugin(deps: ConsoleDeps, extraPages: ConsolePageModule[] = []) {
  return async (app: FastifyInstance): Promise<void> => {
    const modules = [...CONSOLE_PAGES, ...extraPages];
    const ctx: ConsoleContext = {
      services: deps.services,
      session: deps.session,
      publicBaseUrl: deps.config.publicBaseUrl,
      setupAllowed: LOOPBACK.has(new URL(deps.config.publicBaseUrl).hostname),
      nav: modules.flatMap((m) => m.nav ?? []),
      deps,
    };
    // Installed once for the whole Consentry scope by the server; here for a console used alone.
    if (!app.hasRequestDecorator('consoleUser')) installAccessControl(app, deps.services.users);
    assetRoutes(app);
    await app.register(async (scope) => {
      // CSRF on every state-changing console request (forms carry `_csrf`).
      scope.addHook('preHandler', async (request) => {
        if (request.method !== 'GET' && request.method !== 'HEAD') assertCsrf(request, deps.session);
      });
      for (const m of modules) await m.register(scope, ctx);
    });
  };
}
