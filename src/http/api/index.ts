import swagger from '@fastify/swagger';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Actor } from '../../console/actor.ts';
import type { OAuthAdmin } from '../../console/oauth-admin.ts';
import type { Permission } from '../../console/permissions.ts';
import type { OAuth2Client } from '../../core/oauth2-client.ts';
import type { Connection as ConnectionRecord, RegisteredClient } from '../../domain/connection.ts';
import { ConsentryError, ERROR_CATALOGUE, isConsentryError } from '../../domain/errors.ts';
import { type ApiKeyService, type ApiScope, assertApiScope } from '../../integrations/api-keys.ts';
import type { ConnectSessionService } from '../../integrations/connect-sessions.ts';
import type { ApiKey } from '../../storage/integrations.ports.ts';
import * as S from './schemas.ts';

/**
 * The JSON API for services in any language (issue 13): `/api/v1/…`, API keys as bearer tokens,
 * errors as RFC 9457 problem details, the OpenAPI 3.1 document at `/api/v1/openapi.json` built
 * from the schemas the routes validate with. A normal Fastify plugin: register it with a prefix
 * (`app.register(apiPlugin(deps), { prefix: '/api/v1' })`), so a host can mount it anywhere.
 *
 * Routes declare `config.permission: 'public'` for the console's access hook (they authenticate
 * their own callers) and `config.apiScope` for the API-key check in this plugin's preHandler.
 */
export interface ApiDeps {
  keys: ApiKeyService;
  oauth: OAuthAdmin;
  client: OAuth2Client;
  connectSessions: ConnectSessionService;
  publicBaseUrl: string;
  version: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    apiKey?: ApiKey;
  }
  interface FastifyContextConfig {
    apiScope?: ApiScope;
  }
}

export const PROBLEM_TYPE = 'application/problem+json';
const problemResponse = (description: string) => ({
  description,
  content: { [PROBLEM_TYPE]: { schema: S.Problem } },
});
const ERRORS = {
  400: problemResponse('Invalid request'),
  401: problemResponse('Missing, unknown or revoked API key'),
  403: problemResponse('The API key lacks the scope'),
  404: problemResponse('Not found'),
};

/** Console permissions an API call acts with, per scope — the service layer checks them again. */
const ACTOR_PERMISSIONS: Record<ApiScope, Permission[]> = {
  'connections:read': ['administer_oauth'],
  'access_tokens:read': ['administer_oauth'],
  'connect_sessions:create': ['connect_accounts', 'administer_oauth'],
  'clients:manage': ['administer_oauth', 'manage_secrets'],
};

function actorFor(key: ApiKey, scope: ApiScope): Actor {
  return {
    userId: undefined,
    label: `API key ${key.prefix}… (${key.name})`,
    permissions: ACTOR_PERMISSIONS[scope],
  };
}

export function apiPlugin(deps: ApiDeps) {
  return async (parent: FastifyInstance): Promise<void> => {
    const api = parent.withTypeProvider<ZodTypeProvider>();
    api.setValidatorCompiler(validatorCompiler);
    api.setSerializerCompiler(serializerCompiler);
    // Registered inside this plugin's scope: it sees (and documents) only the API's routes.
    await api.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: {
          title: 'Consentry API',
          version: deps.version,
          description:
            'Connections, fresh access tokens, connect sessions and registered clients. Authenticate with an API key: `Authorization: Bearer csk_…`. Errors are RFC 9457 problem details.',
        },
        servers: [{ url: deps.publicBaseUrl }],
        components: {
          securitySchemes: {
            apiKey: {
              type: 'http',
              scheme: 'bearer',
              description: 'An API key (csk_…) created by an administrator',
            },
          },
        },
        security: [{ apiKey: [] }],
      },
      transform: jsonSchemaTransform,
      transformObject: jsonSchemaTransformObject,
    });

    api.addHook('onRequest', async (_request, reply) => {
      reply.header('cache-control', 'no-store');
    });
    api.addHook('preHandler', async (request) => {
      const scope = request.routeOptions.config.apiScope;
      if (!scope) return;
      const key = await deps.keys.authenticate(request.headers.authorization);
      assertApiScope(key, scope);
      request.apiKey = key;
    });
    api.setErrorHandler((error: FastifyError | ConsentryError, request, reply) =>
      sendProblem(error, request, reply),
    );
    api.setNotFoundHandler((request, reply) => sendProblem(new ConsentryError('NOT_FOUND'), request, reply));

    const actor = (request: FastifyRequest) => {
      const scope = request.routeOptions.config.apiScope!;
      return actorFor(request.apiKey!, scope);
    };

    api.get(
      '/openapi.json',
      {
        config: { permission: 'public' },
        schema: {
          summary: 'This OpenAPI 3.1 document',
          tags: ['meta'],
          security: [],
          response: { 200: S.OpenApiDocument },
        },
      },
      async (_request, reply) => {
        reply.header('cache-control', 'public, max-age=300');
        return api.swagger() as unknown as Record<string, unknown>;
      },
    );

    api.get(
      '/connections',
      {
        config: { permission: 'public', apiScope: 'connections:read' },
        schema: {
          summary: 'List connections with their health',
          tags: ['connections'],
          querystring: S.ConnectionQuery,
          response: { 200: S.ConnectionList, ...ERRORS },
        },
      },
      async (request) => {
        const a = actor(request);
        const q = request.query;
        const clientRef = q.client ? (await deps.oauth.findClient(a, q.client)).id : undefined;
        const list = await deps.oauth.listConnections(a, {
          ...(clientRef ? { clientRef } : {}),
          ...(q.status ? { status: q.status } : {}),
        });
        return { connections: list.filter((c) => !q.purpose || c.purpose === q.purpose).map(connectionJson) };
      },
    );

    api.get(
      '/connections/:id',
      {
        config: { permission: 'public', apiScope: 'connections:read' },
        schema: {
          summary: 'One connection with its health and cause',
          tags: ['connections'],
          params: S.IdParams,
          response: { 200: S.Connection, ...ERRORS },
        },
      },
      async (request) => connectionJson(await deps.oauth.getConnection(actor(request), request.params.id)),
    );

    api.post(
      '/connections/:id/access-token',
      {
        config: { permission: 'public', apiScope: 'access_tokens:read' },
        schema: {
          summary: 'A fresh access token (refreshed first when it expires within 60 s)',
          description:
            'Refreshes at most once across every caller and instance. 409 CONNECTION_NEEDS_REAUTH / CONNECTION_REVOKED when the user must reconnect; 503 when the provider is unreachable (retry later).',
          tags: ['connections'],
          params: S.IdParams,
          response: {
            200: S.AccessToken,
            ...ERRORS,
            409: problemResponse('The connection needs re-consent or was revoked'),
            503: problemResponse('The provider is unreachable or cooling down; retry later'),
          },
        },
      },
      async (request, reply) => {
        const id = request.params.id;
        const token = await deps.client.ensureFresh(id);
        reply.header('pragma', 'no-cache');
        return {
          connection_id: id,
          access_token: token.accessToken,
          token_type: token.tokenType,
          expires_at: token.expiresAt?.toISOString() ?? null,
          expires_in: token.expiresAt
            ? Math.max(0, Math.floor((token.expiresAt.getTime() - Date.now()) / 1000))
            : null,
          scopes: [...token.scopes],
        };
      },
    );

    api.post(
      '/connect-sessions',
      {
        config: { permission: 'public', apiScope: 'connect_sessions:create' },
        schema: {
          summary: 'Start a connect session for an end user: a one-time consent link',
          tags: ['connect sessions'],
          body: S.ConnectSessionRequest,
          response: { 201: S.ConnectSession, ...ERRORS },
        },
      },
      async (request, reply) => {
        const b = request.body;
        const s = await deps.connectSessions.start(actor(request), {
          client: b.client,
          purpose: b.purpose,
          payload: b.payload,
          scopes: b.scopes,
          preset: b.preset,
          apiKeyRef: request.apiKey!.id,
        });
        return reply.status(201).send({ id: s.id, url: s.url, expires_at: s.expiresAt.toISOString() });
      },
    );

    api.get(
      '/clients',
      {
        config: { permission: 'public', apiScope: 'clients:manage' },
        schema: {
          summary: 'Registered clients',
          tags: ['clients'],
          response: { 200: S.ClientList, ...ERRORS },
        },
      },
      async (request) => ({
        clients: (await deps.oauth.listClients(actor(request))).map((c) =>
          clientJson(c, deps.oauth.redirectUri),
        ),
      }),
    );

    api.get(
      '/clients/:id',
      {
        config: { permission: 'public', apiScope: 'clients:manage' },
        schema: {
          summary: 'One registered client (never its secret)',
          tags: ['clients'],
          params: S.IdParams,
          response: { 200: S.Client, ...ERRORS },
        },
      },
      async (request) =>
        clientJson(await deps.oauth.getClient(actor(request), request.params.id), deps.oauth.redirectUri),
    );

    api.patch(
      '/clients/:id',
      {
        config: { permission: 'public', apiScope: 'clients:manage' },
        schema: {
          summary: 'Update a registered client (name, client id, secret, template values)',
          tags: ['clients'],
          params: S.IdParams,
          body: S.ClientUpdate,
          response: { 200: S.Client, ...ERRORS },
        },
      },
      async (request) => {
        const a = actor(request);
        const existing = await deps.oauth.getClient(a, request.params.id);
        const b = request.body;
        const updated = await deps.oauth.updateClient(a, existing.id, {
          name: b.name ?? existing.name,
          clientId: b.client_id ?? existing.clientId,
          clientSecret: b.client_secret,
          templateValues: { ...existing.templateValues, ...(b.template_values ?? {}) },
        });
        return clientJson(updated, deps.oauth.redirectUri);
      },
    );
  };
}

function iso(d: Date | undefined): string | null {
  return d ? d.toISOString() : null;
}

export function connectionJson(c: ConnectionRecord): import('zod').infer<typeof S.Connection> {
  const health =
    c.status === 'revoked'
      ? 'revoked'
      : c.status === 'needs_reauth'
        ? 'needs_reauth'
        : c.failureCount > 0
          ? 'refresh_failing'
          : 'healthy';
  return {
    id: c.id,
    client_id: c.clientRef,
    provider: c.providerKey,
    purpose: c.purpose,
    payload: c.payload,
    account: c.account ?? null,
    subject: c.subject ?? null,
    scopes: c.scopes,
    status: c.status,
    health,
    cause: health === 'healthy' ? null : (c.statusReason ?? c.lastError ?? null),
    has_refresh_token: c.hasRefreshToken,
    expires_at: iso(c.expiresAt),
    refresh_expires_at: iso(c.refreshExpiresAt),
    last_refresh_at: iso(c.lastRefreshAt),
    failure_count: c.failureCount,
    next_attempt_at: iso(c.nextAttemptAt),
    created_at: c.createdAt.toISOString(),
    updated_at: c.updatedAt.toISOString(),
  };
}

function clientJson(c: RegisteredClient, redirectUri: string): import('zod').infer<typeof S.Client> {
  return {
    id: c.id,
    provider: c.providerKey,
    name: c.name,
    client_id: c.clientId,
    has_client_secret: c.hasClientSecret,
    template_values: c.templateValues,
    redirect_uri: redirectUri,
    created_at: c.createdAt.toISOString(),
    updated_at: c.updatedAt.toISOString(),
  };
}

/**
 * RFC 9457 problem details for every error of the API. The body is sent as a string (not through
 * the route's serializer) with `application/problem+json`; 401 adds `WWW-Authenticate: Bearer`.
 */
function sendProblem(error: FastifyError | ConsentryError, request: FastifyRequest, reply: FastifyReply) {
  let e: ConsentryError;
  let errors: { path: string; message: string }[] | undefined;
  if (isConsentryError(error)) e = error;
  else if (hasZodFastifySchemaValidationErrors(error)) {
    errors = error.validation.map((v) => ({
      path: `${error.validationContext ?? 'body'}${v.instancePath.replaceAll('/', '.')}`,
      message: v.message ?? 'invalid',
    }));
    e = new ConsentryError('BAD_REQUEST', { detail: 'The request does not match the schema.' });
  } else if (error.statusCode && error.statusCode < 500) {
    e = new ConsentryError('BAD_REQUEST', {
      detail: error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? 'The request is too large.' : '',
    });
  } else e = new ConsentryError('INTERNAL');
  const status = isConsentryError(error)
    ? e.status
    : error.statusCode && error.statusCode < 500
      ? error.statusCode
      : e.status;
  request.log[status >= 500 ? 'error' : 'warn'](
    { code: e.code, facts: e.facts, apiKey: request.apiKey?.id },
    e.message,
  );
  if (status === 401) reply.header('www-authenticate', 'Bearer realm="consentry"');
  const body = {
    type: `urn:consentry:error:${e.code}`,
    title: ERROR_CATALOGUE[e.code].message,
    status,
    detail: e.message,
    code: e.code,
    ...(Object.keys(e.facts).length ? { facts: e.facts } : {}),
    ...(errors ? { errors } : {}),
  };
  return reply
    .status(status)
    .header('cache-control', 'no-store')
    .type(PROBLEM_TYPE)
    .send(JSON.stringify(body));
}
