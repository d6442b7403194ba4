import type { FastifyInstance } from 'fastify';
import { outreachText } from '../core/outreach-text.ts';
import type { ReconnectOutreach } from '../core/reconnect-outreach.ts';
import { isConsentryError } from '../domain/errors.ts';
import { html, layout } from './html.ts';
import { contentSecurityPolicy } from './security-headers.ts';
import { type SessionSettings, sessionId } from './session.ts';

/**
 * The end user's side of reconnect outreach (issue 11): plain server-rendered pages, every value
 * escaped, every string from OUTREACH_TEXT (src/core/outreach-text.ts).
 *
 * GET shows what the link is for and consumes nothing (mail scanners prefetch links); the form's
 * POST uses the link once and sends the browser to the provider's consent screen for the same
 * connection. `/reconnect/done` is where a cancelled or refused reconnect comes back to.
 */
export function outreachPlugin(outreach: ReconnectOutreach, session: SessionSettings) {
  return (app: FastifyInstance): void => {
    const invalid = (reply: import('fastify').FastifyReply) =>
      reply
        .status(410)
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-store')
        .send(
          layout(
            outreachText('invalidTitle'),
            html`<div class="card"><h1>${outreachText('invalidTitle')}</h1><p>${outreachText('invalidBody')}</p></div>`,
          ),
        );

    app.get('/reconnect/done', { config: { permission: 'public' } }, async (request, reply) => {
      const q = request.query as Record<string, string | undefined>;
      const text =
        q.oauth === 'account_mismatch'
          ? outreachText('doneMismatch')
          : q.oauth === 'cancelled'
            ? outreachText('doneCancelled')
            : outreachText('doneOk');
      return reply
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-store')
        .send(
          layout(
            outreachText('doneTitle'),
            html`<div class="card"><h1>${outreachText('doneTitle')}</h1><p id="outcome">${text}</p></div>`,
          ),
        );
    });

    app.get('/reconnect/:token', { config: { permission: 'public' } }, async (request, reply) => {
      const { token } = request.params as { token: string };
      try {
        const { record, connection, providerName } = await outreach.inspect(token);
        const values = {
          provider: providerName,
          account: connection.account ?? '',
          expires: `${record.expiresAt.toISOString().replace('T', ' ').slice(0, 16)} UTC`,
        };
        return reply
          .type('text/html; charset=utf-8')
          .header('cache-control', 'no-store')
          .header('referrer-policy', 'no-referrer')
          .header('content-security-policy', contentSecurityPolicy("'self' https:"))
          .send(
            layout(
              outreachText('pageTitle'),
              html`<div class="card"><h1>${outreachText('pageHeading', values)}</h1>
              <p>${outreachText('pageLead', values)}</p>
              <form method="post" action="/reconnect/${token}"><button type="submit" id="continue">${outreachText('pageButton', values)}</button></form>
              <p class="muted small">${outreachText('pageExpires', values)}</p></div>`,
            ),
          );
      } catch (e) {
        if (isConsentryError(e, 'OUTREACH_INVALID')) return invalid(reply);
        throw e;
      }
    });

    app.post('/reconnect/:token', { config: { permission: 'public' } }, async (request, reply) => {
      const { token } = request.params as { token: string };
      try {
        const url = await outreach.start(token, sessionId(request, reply, session));
        return reply
          .header('cache-control', 'no-store')
          .header('referrer-policy', 'no-referrer')
          .redirect(url, 303);
      } catch (e) {
        if (isConsentryError(e, 'OUTREACH_INVALID')) return invalid(reply);
        throw e;
      }
    });
  };
}
