import type { FastifyInstance } from 'fastify';
import type { OAuth2Client } from '../core/oauth2-client.ts';
import { ConsentryError } from '../domain/errors.ts';
import { callbackSession } from './session.ts';

/**
 * `/oauth/callback` — the one redirect URI for every provider and consumer. It knows nothing about
 * features: the client dispatches on the validated flow's purpose.
 *
 * POST (`response_mode=form_post`, Apple) arrives cross-site, so a SameSite=Lax session cookie is
 * not sent with it. We answer with a 303 to the same URL as a GET carrying the same parameters: a
 * top-level GET navigation does carry Lax cookies, and the GET path does every check once.
 */
export function callbackRoutes(
  app: FastifyInstance,
  deps: { client: OAuth2Client; mount?: { base: string } | undefined },
): void {
  // `publicLocation`: the target is where the flow's consumer said, already a public path.
  app.get(
    '/oauth/callback',
    { config: { permission: 'public', endUser: true, publicLocation: true } },
    async (request, reply) => {
      reply.header('referrer-policy', 'no-referrer').header('cache-control', 'no-store');
      const target = await deps.client.handleCallback(
        new URL(request.url, 'http://callback.invalid'),
        callbackSession(request),
        { address: request.ip },
      );
      return reply.redirect(target, 303);
    },
  );
  app.post(
    '/oauth/callback',
    { config: { permission: 'public', endUser: true, publicLocation: true } },
    async (request, reply) => {
      reply.header('referrer-policy', 'no-referrer').header('cache-control', 'no-store');
      const body = request.body;
      if (!body || typeof body !== 'object') throw new ConsentryError('CALLBACK_PARAMETER_MISSING');
      const params = new URLSearchParams();
      for (const [k, v] of Object.entries(body as Record<string, unknown>)) {
        for (const value of Array.isArray(v) ? v : [v]) params.append(k, String(value));
      }
      return reply.redirect(`${deps.mount?.base ?? ''}/oauth/callback?${params.toString()}`, 303);
    },
  );
}
