import type { FastifyInstance } from 'fastify';
import type { OAuth2Client } from '../core/oauth2-client.ts';
import { ConsentryError } from '../domain/errors.ts';
import { HOME_PURPOSE } from './home.ts';
import { csrfToken, type SessionSettings, sessionId } from './session.ts';

/**
 * "Add (Auth Code)": starts a flow and sends the browser to the provider. A link, not a form
 * POST, because CSP `form-action 'self'` also governs the redirect that follows a form (Chrome),
 * and the provider is another origin; the CSRF token rides in the link instead.
 */
export function connectRoutes(
  app: FastifyInstance,
  deps: { client: OAuth2Client; session: SessionSettings },
): void {
  app.get('/connect/:clientId', { config: { permission: 'public' } }, async (request, reply) => {
    const { clientId } = request.params as { clientId: string };
    const q = request.query as Record<string, string | undefined>;
    const sid = sessionId(request, reply, deps.session);
    if (q._csrf !== csrfToken(sid, deps.session)) {
      throw new ConsentryError('BAD_REQUEST', {
        detail: 'The link’s security token is invalid; go back and try again.',
      });
    }
    const url = await deps.client.beginConsent({
      client: clientId,
      ...(q.preset ? { preset: q.preset } : {}),
      purpose: HOME_PURPOSE,
      returnUrl: '/',
      session: sid,
    });
    return reply.header('cache-control', 'no-store').redirect(url, 303);
  });
}
