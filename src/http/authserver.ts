import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { API_PATHS, AUTHSERVER_PATHS, type AuthServer } from '../authserver/auth-server.ts';
import type { OAuthRequestInput } from '../authserver/client-authentication.ts';
import { OAuthError } from '../authserver/oauth-error.ts';
import { eventsApiRoutes } from './events-api.ts';
import { lazyChildLogger } from './lazy-child-logger.ts';

/**
 * The provider role's HTTP face, in its own Fastify room: its own error handler answers in the
 * RFCs' JSON shape (never the HTML error page), and every answer that carries or refuses a
 * credential is `Cache-Control: no-store`. Routes are `public` to the console's access hook:
 * they authenticate their callers themselves (client credentials, bearer tokens).
 */
export function authServerPlugin(authserver: AuthServer) {
  return async (app: FastifyInstance): Promise<void> => {
    await app.register(async (scope) => {
      scope.setErrorHandler((error, request, reply) => {
        if (error instanceof OAuthError) return sendOAuthError(reply, error);
        const status = (error as { statusCode?: number }).statusCode ?? 500;
        if (status < 500) {
          // Fastify's own refusals (unsupported media type, body too large, bad JSON).
          return sendOAuthError(reply, new OAuthError('invalid_request', 'The request could not be parsed.'));
        }
        request.log.error(
          { code: (error as { code?: string }).code, name: (error as Error).name },
          'authserver error',
        );
        return reply.status(500).header('cache-control', 'no-store').send({ error: 'server_error' });
      });

      const p = { config: { permission: 'public' } };
      // Machine-to-machine endpoints: at the default level (info) Fastify would write two access
      // lines per token, a cost of the same order as the signature. They are dropped there (warn
      // and errors stay); at debug or trace they come back with everything else.
      // Their per-request child logger is made only when a line is written (`lazy-child-logger.ts`).
      const m2m = {
        ...p,
        childLoggerFactory: lazyChildLogger,
        ...(scope.log.level === 'info' ? { logLevel: 'warn' as const } : {}),
      };

      scope.post(AUTHSERVER_PATHS.token, m2m, async (request, reply) => {
        const body = await authserver.token(oauthInput(request));
        return noStore(reply).send(body);
      });
      scope.post(AUTHSERVER_PATHS.introspection, m2m, async (request, reply) => {
        return noStore(reply).send(await authserver.introspect(oauthInput(request)));
      });
      scope.post(AUTHSERVER_PATHS.revocation, m2m, async (request, reply) => {
        await authserver.revoke(oauthInput(request));
        return noStore(reply).send({});
      });
      scope.post(AUTHSERVER_PATHS.deviceAuthorization, m2m, async (request, reply) => {
        return noStore(reply).send(await authserver.deviceAuthorization(oauthInput(request)));
      });
      scope.post(AUTHSERVER_PATHS.registration, p, async (request, reply) => {
        const body = await authserver.register(request.headers.authorization, request.body);
        return noStore(reply).status(201).send(body);
      });
      // RFC 9728 §3: one metadata document per API (the well-known path inserted before the
      // resource's path); the bare well-known path describes the backend API, the default one.
      for (const audience of ['backend', 'frontend'] as const) {
        const paths =
          audience === 'backend'
            ? [
                AUTHSERVER_PATHS.protectedResource,
                `${AUTHSERVER_PATHS.protectedResource}${API_PATHS.backend}`,
              ]
            : [`${AUTHSERVER_PATHS.protectedResource}${API_PATHS.frontend}`];
        for (const path of paths)
          scope.get(path, p, async (_request, reply) =>
            reply
              .header('cache-control', 'public, max-age=300')
              .send(authserver.protectedResourceMetadata(audience)),
          );
      }
      // RFC 6749 §3.2: the token endpoint is POST only; a GET (credentials in a URL) is refused.
      scope.get(AUTHSERVER_PATHS.token, p, async (_request, reply) =>
        sendOAuthError(reply.header('allow', 'POST'), new OAuthError('invalid_request', 'Use POST.', 405)),
      );

      scope.get(AUTHSERVER_PATHS.metadata, p, async (_request, reply) =>
        reply.header('cache-control', 'public, max-age=300').send(authserver.metadata()),
      );
      scope.get(AUTHSERVER_PATHS.jwks, p, async (_request, reply) =>
        reply
          // Short: a new key is published this long before it signs (the CLI's default lead is longer).
          .header('cache-control', 'public, max-age=300')
          .type('application/jwk-set+json')
          .send(authserver.keys.jwksJson()),
      );

      eventsApiRoutes(scope, authserver, API_PATHS);
    });
  };
}

function oauthInput(request: FastifyRequest): OAuthRequestInput {
  return {
    authorization: request.headers.authorization,
    contentType: request.headers['content-type'],
    body: request.body,
    query: request.query,
    address: request.ip,
  };
}

function noStore(reply: FastifyReply): FastifyReply {
  return reply.header('cache-control', 'no-store').header('pragma', 'no-cache');
}

function sendOAuthError(reply: FastifyReply, error: OAuthError): FastifyReply {
  return noStore(reply).status(error.status).headers(error.headers).send(error.toJSON());
}
