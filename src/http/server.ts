import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { ProviderRegistry } from '../catalog/registry.ts';
import type { OAuth2Client } from '../core/oauth2-client.ts';
import type { Store } from '../storage/ports.ts';
import { callbackRoutes } from './callback.ts';
import { collectRoutes } from './console/route-table.ts';
import { installErrorHandler } from './error-page.ts';
import { STYLE } from './html.ts';
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

  app.get('/healthz', { config: { permission: 'public' } }, async () => ({
    status: 'ok',
    ...((await deps.health?.()) ?? {}),
  }));
  app.get('/assets/style.css', { config: { permission: 'public' } }, async (_req, reply) =>
    reply.type('text/css').header('cache-control', 'public, max-age=3600').send(STYLE),
  );
  callbackRoutes(app, { client: deps.client, providers: deps.providers });
  for (const plugin of deps.plugins ?? []) await plugin(app);
  return app;
}
