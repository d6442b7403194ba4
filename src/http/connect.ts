import type { FastifyInstance } from 'fastify';
import { CONNECT_DONE_PATH } from '../console/consumer.ts';
import { ConsentryError } from '../domain/errors.ts';
import { assertSameSitePath } from '../domain/safe-path.ts';
import { actorOf, type ConsoleContext, csrfOf } from './console/context.ts';
import { html, layout } from './html.ts';
import { translatorFor } from './i18n/i18n.ts';
import { sessionId } from './session.ts';

/**
 * Starting flows toward a provider: "Add (Auth Code)", "Reconnect", and the one-time links
 * `consentry connect` prints. Links (GET), not form POSTs, because CSP `form-action 'self'` also
 * governs the redirect that follows a form in Chrome, and the provider is another origin; the
 * CSRF token rides in the link instead (the CLI link's token is itself the credential).
 */
export function connectRoutes(app: FastifyInstance, ctx: ConsoleContext): void {
  const checkCsrf = (request: import('fastify').FastifyRequest, reply: import('fastify').FastifyReply) => {
    const q = request.query as Record<string, string | undefined>;
    if (!q._csrf || q._csrf !== csrfOf(request, reply, ctx))
      throw new ConsentryError('BAD_REQUEST', {
        detail: 'The link’s security token is invalid; go back and try again.',
      });
  };

  app.get('/connect/:clientId', { config: { permission: 'connect_accounts' } }, async (request, reply) => {
    const { clientId } = request.params as { clientId: string };
    const q = request.query as Record<string, string | undefined>;
    checkCsrf(request, reply);
    let returnTo: string | undefined;
    if (q.return) returnTo = assertSameSitePath(q.return);
    const url = await ctx.services.oauth.beginConnect(actorOf(request), {
      clientId,
      session: sessionId(request, reply, ctx.session),
      preset: q.preset || undefined,
      scopes: q.scopes ? q.scopes.split(/\s+/).filter(Boolean) : undefined,
      returnTo,
    });
    return reply.header('cache-control', 'no-store').redirect(url, 303);
  });

  app.get(
    '/connections/:id/reconnect',
    { config: { permission: 'connect_accounts' } },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      checkCsrf(request, reply);
      const actor = actorOf(request);
      const c = await ctx.services.oauth.getConnection(actor, id);
      const url = await ctx.services.oauth.beginConnect(actor, {
        clientId: c.clientRef,
        session: sessionId(request, reply, ctx.session),
        reconnect: c.id,
      });
      return reply.header('cache-control', 'no-store').redirect(url, 303);
    },
  );

  // Where a `consentry connect` link's flow ends: the person who opened the link may have no console
  // account, so they get a plain page (in their language) that says what happened, not the console.
  app.get(CONNECT_DONE_PATH, { config: { permission: 'public', endUser: true } }, async (request, reply) => {
    const q = request.query as Record<string, string | undefined>;
    const { t, locale } = translatorFor(request.headers);
    const connected = q.oauth === 'connected';
    const title = t(connected ? 'connectDone.title.connected' : 'connectDone.title.cancelled');
    const providerError =
      !connected && q.oauth_error && /^[\x20-\x7e]{1,64}$/.test(q.oauth_error) ? q.oauth_error : undefined;
    return reply
      .header('cache-control', 'no-store')
      .type('text/html; charset=utf-8')
      .send(
        layout(
          title,
          html`<div class="card narrow connect-done" data-outcome="${connected ? 'connected' : 'cancelled'}"><h1>${title}</h1>
            <p>${t(connected ? 'connectDone.body.connected' : 'connectDone.body.cancelled')}</p>
            ${providerError ? html`<p class="muted">${t('connectDone.body.providerError', { error: providerError })}</p>` : ''}
            <p><strong>${t('page.closeTab')}</strong></p></div>`,
          { lang: locale },
        ),
      );
  });

  app.get(
    '/connect/link/:token',
    { config: { permission: 'public', endUser: true } },
    async (request, reply) => {
      const { token } = request.params as { token: string };
      if (!/^[A-Za-z0-9_-]{43}$/.test(token)) throw new ConsentryError('HANDOFF_INVALID');
      const url = await ctx.services.oauth.followHandoff(token, sessionId(request, reply, ctx.session));
      return reply
        .header('cache-control', 'no-store')
        .header('referrer-policy', 'no-referrer')
        .redirect(url, 303);
    },
  );
}
