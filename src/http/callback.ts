import type { FastifyInstance } from 'fastify';
import type { ProviderRegistry } from '../catalog/registry.ts';
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
/** RFC 6749 §4.1.2 / §4.1.2.1, RFC 9207 `iss`: what an authorization response may carry. */
const RESPONSE_PARAMS = ['code', 'state', 'iss', 'error', 'error_description', 'error_uri'];
/** Per value, as the GET callback bounds `state` (longer values are dropped, not forwarded). */
const MAX_FORWARDED_LENGTH = 4096;

export function callbackRoutes(
  app: FastifyInstance,
  deps: {
    client: OAuth2Client;
    providers: Pick<ProviderRegistry, 'all'>;
    mount?: { base: string } | undefined;
  },
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
      // Only the parameters an authorization response has (plus those a provider declares, e.g.
      // QuickBooks' realmId), each a string of bounded size (issue 10, finding 9): the body of a
      // cross-site POST is the attacker's to choose, and it becomes our Location header. Repeated
      // parameters are forwarded as repeated, so the GET path refuses them as it always does.
      const allowed = new Set([
        ...RESPONSE_PARAMS,
        ...deps.providers.all().flatMap((p) => p.keepCallbackParams),
      ]);
      const params = new URLSearchParams();
      for (const [k, v] of Object.entries(body as Record<string, unknown>)) {
        if (!allowed.has(k)) continue;
        for (const value of Array.isArray(v) ? v : [v]) {
          if (typeof value !== 'string' || value.length > MAX_FORWARDED_LENGTH) continue;
          params.append(k, value);
        }
      }
      if (!params.has('state')) throw new ConsentryError('CALLBACK_PARAMETER_MISSING');
      return reply.redirect(`${deps.mount?.base ?? ''}/oauth/callback?${params.toString()}`, 303);
    },
  );
}
