import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ReconnectOutreach } from '../core/reconnect-outreach.ts';
import { isConsentryError } from '../domain/errors.ts';
import { html, layout } from './html.ts';
import { outreachTextFor } from './i18n/i18n.ts';
import { contentSecurityPolicy } from './security-headers.ts';
import { type SessionSettings, sessionId } from './session.ts';

/**
 * The end user's side of reconnect outreach (issue 11): plain server-rendered pages, every value
 * escaped, every string from the i18n data files (keys `outreach.*`, src/http/i18n/messages/) in
 * the language of the browser's `Accept-Language` (issue 15), English by default.
 *
 * GET shows what the link is for and consumes nothing (mail scanners prefetch links); the form's
 * POST uses the link once and sends the browser to the provider's consent screen for the same
 * connection. `/reconnect/done` is where a cancelled or refused reconnect comes back to.
 */
export function outreachPlugin(outreach: ReconnectOutreach, session: SessionSettings) {
  return (app: FastifyInstance): void => {
    const END_USER = { config: { permission: 'public', endUser: true } };
    const textOf = (request: FastifyRequest) =>
      outreachTextFor(request.headers['accept-language'] as string | undefined);

    const invalid = (request: FastifyRequest, reply: FastifyReply) => {
      const { text, locale } = textOf(request);
      return reply
        .status(410)
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-store')
        .send(
          layout(
            text('invalidTitle', {}),
            html`<div class="card"><h1>${text('invalidTitle', {})}</h1><p>${text('invalidBody', {})}</p></div>`,
            { lang: locale },
          ),
        );
    };

    app.get('/reconnect/done', END_USER, async (request, reply) => {
      const q = request.query as Record<string, string | undefined>;
      const { text, locale } = textOf(request);
      const outcome =
        q.oauth === 'account_mismatch'
          ? 'doneMismatch'
          : q.oauth === 'cancelled'
            ? 'doneCancelled'
            : 'doneOk';
      return reply
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-store')
        .send(
          layout(
            text('doneTitle', {}),
            html`<div class="card"><h1>${text('doneTitle', {})}</h1><p id="outcome">${text(outcome, {})}</p></div>`,
            { lang: locale },
          ),
        );
    });

    app.get('/reconnect/:token', END_USER, async (request, reply) => {
      const { token } = request.params as { token: string };
      try {
        const { record, connection, providerName } = await outreach.inspect(token);
        const { text, locale, formatDateTime } = textOf(request);
        const values = {
          provider: providerName,
          account: connection.account ?? '',
          expires: formatDateTime(record.expiresAt),
        };
        return reply
          .type('text/html; charset=utf-8')
          .header('cache-control', 'no-store')
          .header('referrer-policy', 'no-referrer')
          .header('content-security-policy', contentSecurityPolicy("'self' https:"))
          .send(
            layout(
              text('pageTitle', values),
              html`<div class="card"><h1>${text('pageHeading', values)}</h1>
              <p>${text('pageLead', values)}</p>
              <form method="post" action="/reconnect/${token}"><button type="submit" id="continue">${text('pageButton', values)}</button></form>
              <p class="muted small">${text('pageExpires', values)}</p></div>`,
              { lang: locale },
            ),
          );
      } catch (e) {
        if (isConsentryError(e, 'OUTREACH_INVALID')) return invalid(request, reply);
        throw e;
      }
    });

    app.post('/reconnect/:token', END_USER, async (request, reply) => {
      const { token } = request.params as { token: string };
      try {
        const url = await outreach.start(token, sessionId(request, reply, session));
        return reply
          .header('cache-control', 'no-store')
          .header('referrer-policy', 'no-referrer')
          .redirect(url, 303);
      } catch (e) {
        if (isConsentryError(e, 'OUTREACH_INVALID')) return invalid(request, reply);
        throw e;
      }
    });
  };
}
