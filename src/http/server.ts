import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { ProviderRegistry } from '../catalog/registry.ts';
import type { OAuth2Client } from '../core/oauth2-client.ts';
import { isConsentryError } from '../domain/errors.ts';
import type { Store } from '../storage/ports.ts';
import { callbackRoutes } from './callback.ts';
import { collectRoutes } from './console/route-table.ts';
import { installErrorHandler } from './error-page.ts';
import { FAVICON_SVG, STYLE } from './html.ts';
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
  health?: () => Promise<Record<string, unknown>>;
}

export const DEMO_PREFIX = '/demo';

export async function buildServer(deps: ServerDeps): Promise<FastifyInstance> {
  // FastifyInstance with the default logger type, so every plugin sees one instance type.
  const app = Fastify({
    loggerInstance: deps.logger as unknown as import('fastify').FastifyBaseLogger,
    // Never log query strings: the callback's carries the authorization code and state.
    bodyLimit: 64 * 1024,
    trustProxy: false,
    // One access line per request (below), not Fastify's two ("incoming request" + "completed").
    disableRequestLogging: true,
  });
  app.addHook('onResponse', async (request, reply) => {
    // request.log honours a route's own logLevel (the machine-to-machine endpoints log at debug).
    request.log.info(
      { req: request, res: { statusCode: reply.statusCode }, responseTime: Math.round(reply.elapsedTime) },
      'request completed',
    );
  });
  // Before any route: the table the route-permission test walks (every face, every route).
  collectRoutes(app);
  const demo = deps.demo;
  if (demo) {
    // Hand /demo/* to oidc-provider before Fastify parses bodies: it reads the raw request itself.
    app.addHook('onRequest', async (request, reply) => {
      const url = request.raw.url ?? '';
      if (url === DEMO_PREFIX || url.startsWith(`${DEMO_PREFIX}/`) || url.startsWith(`${DEMO_PREFIX}?`)) {
        reply.hijack();
        demo(request.raw, reply.raw);
      }
    });
  }
  await app.register(cookie);
  await app.register(formbody);
  await addSecurityHeaders(app, { https: deps.session.secure });
  installErrorHandler(app);

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
  app.get('/assets/style.css', { config: { permission: 'public' } }, async (_req, reply) =>
    reply.type('text/css').header('cache-control', 'public, max-age=3600').send(STYLE),
  );
  for (const path of ['/assets/favicon.svg', '/favicon.ico']) {
    app.get(path, { config: { permission: 'public' } }, async (_req, reply) =>
      reply.type('image/svg+xml').header('cache-control', 'public, max-age=86400').send(FAVICON_SVG),
    );
  }
  callbackRoutes(app, { client: deps.client, providers: deps.providers });
  for (const plugin of deps.plugins ?? []) await plugin(app);
  return app;
}
