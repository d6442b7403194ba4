import type { FastifyInstance } from 'fastify';
import type { AccessUser } from '../authserver/access-token.ts';
import type { AuthServer } from '../authserver/auth-server.ts';
import type { ApiAudience } from '../domain/application.ts';

/**
 * The example protected route group — the seed's "look up event participants" — once on each
 * API. It shows how a feature protects itself: one `verifyAccessToken(request, { audience,
 * scopes })` call; a token issued for the other API, without the scope, revoked, expired or from
 * a deactivated application is refused with RFC 6750 errors by the surrounding error handler.
 *
 * A user-bound token (authorization code or device grant: CiviCRM's staffer on a phone) sees only
 * the events that staffer works on — `access.user` is the person, and the route checks that
 * person's own rights; another event is "not found" (its existence is not disclosed). A client
 * token (client_credentials: the organization's own integration) sees every event.
 */
export const PARTICIPANTS_SCOPE = 'participants:read';

/** Example data: each event lists the staff (console users, by email) who work on it. */
export const EXAMPLE_EVENTS: Record<
  string,
  { title: string; staff: string[]; participants: { name: string; role: string }[] }
> = {
  '1': {
    title: 'Annual member meeting',
    staff: ['ada@example.org'],
    participants: [
      { name: 'Ada Lovelace', role: 'speaker' },
      { name: 'Grace Hopper', role: 'attendee' },
    ],
  },
  '2': {
    title: 'Volunteer onboarding',
    staff: ['alan@example.org'],
    participants: [{ name: 'Alan Turing', role: 'host' }],
  },
};

const maySee = (user: AccessUser | undefined, eventId: string) =>
  user === undefined || (EXAMPLE_EVENTS[eventId]?.staff.includes(user.email) ?? false);

export function eventsApiRoutes(
  app: FastifyInstance,
  authserver: AuthServer,
  paths: Record<ApiAudience, string>,
): void {
  for (const audience of ['backend', 'frontend'] as const) {
    app.get(`${paths[audience]}/events`, { config: { permission: 'public' } }, async (request, reply) => {
      const access = await authserver.verifyAccessToken(request, { audience, scopes: [PARTICIPANTS_SCOPE] });
      reply.header('cache-control', 'no-store');
      return {
        events: Object.entries(EXAMPLE_EVENTS)
          .filter(([id]) => maySee(access.user, id))
          .map(([id, e]) => ({ id, title: e.title })),
        ...(access.user ? { user: access.user.email } : {}),
      };
    });
    app.get<{ Params: { id: string } }>(
      `${paths[audience]}/events/:id/participants`,
      { config: { permission: 'public' } },
      async (request, reply) => {
        const claims = await authserver.verifyAccessToken(request, {
          audience,
          scopes: [PARTICIPANTS_SCOPE],
        });
        const event = EXAMPLE_EVENTS[request.params.id];
        reply.header('cache-control', 'no-store');
        if (!event || !maySee(claims.user, request.params.id))
          return reply.status(404).send({ error: 'not_found', message: 'No such event.' });
        return {
          event: { id: request.params.id, title: event.title },
          participants: event.participants,
          client_id: claims.client_id,
          ...(claims.user ? { user: claims.user.email } : {}),
        };
      },
    );
  }
}
