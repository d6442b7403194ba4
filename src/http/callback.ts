import type { FastifyInstance } from 'fastify';
import type { OAuth2Client } from '../core/oauth2-client.ts';
import { SESSION_COOKIE } from './session.ts';

/**
 * `/oauth/callback` — the one redirect URI for every provider and consumer. GET for the usual
 * query response, POST for `response_mode=form_post` (Apple). It knows nothing about features:
 * the client dispatches on the validated flow's purpose.
 */
export function callbackRoutes(app: FastifyInstance, deps: { client: OAuth2Client }): void {
  const handler = async (
    request: import('fastify').FastifyRequest,
    reply: import('fastify').FastifyReply,
  ) => {
    reply.header('referrer-policy', 'no-referrer').header('cache-control', 'no-store');
    const body =
      request.method === 'POST' && request.body && typeof request.body === 'object'
        ? new URLSearchParams(
            Object.entries(request.body as Record<string, string | string[]>).flatMap(([k, v]) =>
              Array.isArray(v) ? v.map((x) => [k, x]) : [[k, String(v)]],
            ),
          )
        : undefined;
    const target = await deps.client.handleCallback(
      new URL(request.url, 'http://callback.invalid'),
      request.cookies[SESSION_COOKIE],
      body,
    );
    return reply.redirect(target, 303);
  };
  app.get('/oauth/callback', { config: { permission: 'public' } }, handler);
  app.post('/oauth/callback', { config: { permission: 'public' } }, handler);
}
