import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import Fastify, {
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  LogController,
} from 'fastify';
import type { Logger } from 'pino';
import type { ProviderRegistry } from '../catalog/registry.ts';
import type { UserService } from '../console/users.ts';
import type { OAuth2Client } from '../core/oauth2-client.ts';
import { isConsentryError } from '../domain/errors.ts';
import type { Store } from '../storage/ports.ts';
import { callbackRoutes } from './callback.ts';
import { installAccessControl } from './console/access.ts';
import { collectRoutes } from './console/route-table.ts';
import { installErrorHandler } from './error-page.ts';
import { FAVICON_SVG, STYLE } from './html.ts';
import { installMountRewrite, type Mount, ROOT_MOUNT } from './mount.ts';
import { addSecurityHeaders } from './security-headers.ts';
import type { SessionSettings } from './session.ts';

/**
 * The HTTP face. Routes declare `config.permission` (a test walks the table and fails on a route
 * without one); pages are server-rendered with escaping by default.
 */
export interface ServerDeps {
  logger: Logger;
  client: OAuth2Client;
  store: Store;
  providers: ProviderRegistry;
  session: SessionSettings;
  /** Raw handler for the built-in demo provider, mounted at /demo. */
  demo?:
    | ((req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => void)
    | undefined;
  /** Extra faces (admin console, provider role) registered by the composition root. */
  plugins?: ((app: FastifyInstance) => Promise<void> | void)[];
  /**
   * The console and the built-in pages, registered under `mount.pages` (relative to the mount:
   * `mount.pages` minus `mount.base`); undefined when the console is left out.
   */
  pages?: ((app: FastifyInstance) => Promise<void> | void)[] | undefined;
  /** Route permissions for every route of every face (see ./console/access.ts). */
  access?: UserService | undefined;
  /** Where Consentry is mounted (default: at the root). */
  mount?: Mount | undefined;
  /**
   * The embedding host's "who is signed in": a stable id of the host's session (or user) for
   * this request, or undefined. When it answers, OAuth flows are bound to it instead of the
   * `consentry_sid` cookie (see docs/embedding.md).
   */
  hostSession?: HostSessionHook | undefined;
  health?: () => Promise<Record<string, unknown>>;
}

/** See `ServerDeps.hostSession`. `request.raw` is Node's request (Express: its `req`). */
export type HostSessionHook = (request: FastifyRequest) => string | undefined | Promise<string | undefined>;

export const DEMO_PREFIX = '/demo';

/**
 * Every Consentry route as one Fastify plugin body: registered by `buildServer` under the mount
 * prefix of Consentry's own server, and by `consentry.plugin` into a host's Fastify app. The
 * scope is encapsulated: its hooks (access control, security headers, the mount rewrite) never
 * touch the host's routes.
 */
export function consentryRoutes(deps: ServerDeps): (app: FastifyInstance) => Promise<void> {
  const mount = deps.mount ?? ROOT_MOUNT;
  return async (app) => {
    const demo = deps.demo;
    if (demo) {
      // Hand /demo/* to oidc-provider before Fastify parses bodies: it reads the raw request itself.
      const hijack = {
        config: { permission: 'public' },
        onRequest: async (request: FastifyRequest, reply: FastifyReply) => {
          reply.hijack();
          demo(request.raw, reply.raw);
        },
      };
      const unreachable = async () => undefined; // onRequest hijacked the reply already
      app.all(DEMO_PREFIX, hijack, unreachable);
      app.all(`${DEMO_PREFIX}/*`, hijack, unreachable);
    }
    // A host that registered these already shares them with us (registering twice would clash).
    if (!app.hasDecorator('parseCookie')) await app.register(cookie);
    if (!app.hasContentTypeParser('application/x-www-form-urlencoded')) await app.register(formbody);
    await addSecurityHeaders(app, { https: deps.session.secure });
    installErrorHandler(app);
    installMountRewrite(app, mount.pages, mount.base || '/');
    app.decorateRequest('hostSession', undefined);
    const hostSession = deps.hostSession;
    if (hostSession)
      app.addHook('onRequest', async (request) => {
        const id = await hostSession(request);
        request.hostSession = typeof id === 'string' && id.length > 0 ? id : undefined;
      });
    if (deps.access) installAccessControl(app, deps.access);

    app.get('/healthz', { config: { permission: 'public' } }, async (_request, reply) => {
      try {
        return { status: 'ok', ...((await deps.health?.()) ?? {}) };
      } catch (e) {
        // Issue 10: a server that cannot open its secrets is not healthy (503 takes it out of a
        // load balancer's rotation); the code says why, the cause goes to the log only.
        reply.log.error({ err: { message: (e as Error).message } }, 'health check failed');
        return reply
          .status(503)
          .header('cache-control', 'no-store')
          .send({ status: 'error', code: isConsentryError(e) ? e.code : 'HEALTH_CHECK_FAILED' });
      }
    });
    styleRoute(app);
    callbackRoutes(app, { client: deps.client, mount, providers: deps.providers });
    for (const plugin of deps.plugins ?? []) await plugin(app);
    const pages = deps.pages;
    if (pages) {
      const prefix = mount.pages.slice(mount.base.length);
      if (!prefix) for (const page of pages) await page(app);
      else
        await app.register(
          async (scope) => {
            styleRoute(scope);
            for (const page of pages) await page(scope);
          },
          { prefix },
        );
    }
  };
}

/** The stylesheet and the favicon (served beside the console too when it has its own prefix). */
function styleRoute(app: FastifyInstance): void {
  app.get('/assets/style.css', { config: { permission: 'public' } }, async (_req, reply) =>
    reply.type('text/css').header('cache-control', 'public, max-age=3600').send(STYLE),
  );
  for (const path of ['/assets/favicon.svg', '/favicon.ico']) {
    app.get(path, { config: { permission: 'public' } }, async (_req, reply) =>
      reply.type('image/svg+xml').header('cache-control', 'public, max-age=86400').send(FAVICON_SVG),
    );
  }
}

/** Consentry's own server: a Fastify instance with every route under the mount's base path. */
export async function buildServer(deps: ServerDeps): Promise<FastifyInstance> {
  // FastifyInstance with the default logger type, so every plugin sees one instance type.
  const app = Fastify({
    loggerInstance: deps.logger as unknown as import('fastify').FastifyBaseLogger,
    // Never log query strings: the callback's carries the authorization code and state.
    bodyLimit: 64 * 1024,
    trustProxy: false,
    // One access line per request (below), not Fastify's two ("incoming request" + "completed").
    // (Through a LogController: the top-level `disableRequestLogging` is deprecated, FSTDEP023.)
    logController: new LogController({ disableRequestLogging: true }),
  });
  // Callback style, and the line built only when it will be written: on the machine-to-machine
  // endpoints (warn at the default level) this runs for every token and writes nothing.
  app.addHook('onResponse', (request, reply, done) => {
    // request.log honours a route's own logLevel (the machine-to-machine endpoints log at debug).
    const log = request.log as typeof request.log & { isLevelEnabled?: (level: string) => boolean };
    if (log.isLevelEnabled?.('info') !== false)
      log.info(
        {
          // Plain facts (the log formatter redacts every value): never the query string.
          req: { id: request.id, method: request.method, url: request.url.split('?')[0] },
          res: { statusCode: reply.statusCode },
          responseTime: Math.round(reply.elapsedTime),
        },
        'request completed',
      );
    done();
  });
  // Before any route: the table the route-permission test walks (every face, every route).
  collectRoutes(app);
  await app.register(consentryRoutes(deps), { prefix: (deps.mount ?? ROOT_MOUNT).base });
  return app;
}
