import type { FastifyInstance } from 'fastify';
import type { AuthServer } from '../authserver/auth-server.ts';
import type { ApiAudience } from '../domain/application.ts';

/**
 * The example protected route group — the seed's "look up event participants" — once on each
 * API. It shows how a feature protects itself: one `verifyAccessToken(request, { audience,
 * scopes })` call; a token issued for the other API, without the scope, revoked, expired or from
 * a deactivated application is refused with RFC 6750 errors by the surrounding error handler.
 */
export const PARTICIPANTS_SCOPE = 'participants:read';

const EVENTS: Record<string, { title: string; participants: { name: string; role: string }[] }> = {
  '1': {
    title: 'Annual member meeting',
    participants: [
      { name: 'Ada Lovelace', role: 'speaker' },
      { name: 'Grace Hopper', role: 'attendee' },
    ],
  },
  '2': { title: 'Volunteer onboarding', participants: [{ name: 'Alan Turing', role: 'host' }] },
};

export function eventsApiRoutes(
  app: FastifyInstance,
  authserver: AuthServer,
  paths: Record<ApiAudience, string>,
): void {
  for (const audience of ['backend', 'frontend'] as const) {
    app.get<{ Params: { id: string } }>(
      `${paths[audience]}/events/:id/participants`,
      { config: { permission: 'public' } },
      async (request, reply) => {
        const claims = await authserver.verifyAccessToken(request, {
          audience,
          scopes: [PARTICIPANTS_SCOPE],
        });
        const event = EVENTS[request.params.id];
        reply.header('cache-control', 'no-store');
        if (!event) return reply.status(404).send({ error: 'not_found', message: 'No such event.' });
        return {
          event: { id: request.params.id, title: event.title },
          participants: event.participants,
          client_id: claims.client_id,
        };
      },
    );
  }
}
