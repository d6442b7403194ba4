import type { IncomingHttpHeaders } from 'node:http';
import type { FastifyError, FastifyInstance } from 'fastify';
import { ConsentryError, ERROR_CATALOGUE, isConsentryError } from '../domain/errors.ts';
import { redact } from '../domain/redact.ts';
import { html, layout } from './html.ts';
import { translatorFor } from './i18n/i18n.ts';

/**
 * One error handler for the HTML face: a page with the catalogue message (escaped), the code,
 * and a way back. The cause goes to the log (already reduced to safe facts), never to the page.
 */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | ConsentryError, request, reply) => {
    const e = isConsentryError(error)
      ? error
      : error.statusCode && error.statusCode < 500
        ? new ConsentryError('BAD_REQUEST', {
            detail: error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? 'The request is too large.' : '',
          })
        : new ConsentryError('INTERNAL');
    const status = isConsentryError(error) ? e.status : (error.statusCode ?? 500);
    const level = status >= 500 ? 'error' : 'warn';
    const message = redact(e.message);
    request.log[level]({ code: e.code, facts: e.facts, cause: safeCause(error) }, message);
    const wantsJson =
      (request.headers.accept ?? '').includes('application/json') &&
      !(request.headers.accept ?? '').includes('text/html');
    reply.status(status).header('cache-control', 'no-store');
    if (wantsJson) return reply.send({ ...e.toJSON(), message });
    if (request.routeOptions.config?.endUser) {
      return reply.type('text/html; charset=utf-8').send(endUserErrorPage(e, request.headers));
    }
    return reply
      .type('text/html; charset=utf-8')
      .send(
        layout(
          'Error',
          html`<div class="card"><h1>Something needs your attention</h1><p>${message}</p><p class="muted">Code: <code>${e.code}</code></p><p><a class="button secondary" href="/">Back to Consentry</a></p></div>`,
        ),
      );
  });
  app.setNotFoundHandler((_request, reply) => {
    reply
      .status(404)
      .type('text/html; charset=utf-8')
      .send(
        layout(
          'Not found',
          html`<div class="card"><h1>Not found</h1><p><a href="/">Back to Consentry</a></p></div>`,
        ),
      );
  });
}

/** Class names and codes only: messages of foreign errors may carry request data. */
function safeCause(error: unknown): string | undefined {
  const cause = (error as { cause?: unknown }).cause;
  if (!cause) return undefined;
  if (cause instanceof Error)
    return `${cause.name}${(cause as { code?: string }).code ? ` ${(cause as { code?: string }).code}` : ''}: ${isConsentryError(cause) ? cause.code : cause.message.slice(0, 120)}`;
  return typeof cause;
}

/**
 * The error page an end user sees (the callback, a connect link): in their language, with the
 * catalogue message translated where a translation exists; any detail after it stays as written
 * (it names the provider's own error code). No link into the console: they may not have an account.
 */
export function endUserErrorPage(e: ConsentryError, headers: IncomingHttpHeaders): string {
  const { t, maybe, locale } = translatorFor(headers);
  const base = ERROR_CATALOGUE[e.code].message;
  const full = redact(e.message);
  const detail = full.startsWith(base) ? full.slice(base.length).trim() : '';
  // English is the catalogue's own wording (whole, with its detail); other languages translate it.
  const message = locale === 'en' ? undefined : maybe(`errors.${e.code}`);
  return layout(
    t('error.title'),
    html`<div class="card narrow"><h1>${t('error.title')}</h1><p>${message ?? full}</p>${
      message && detail ? html`<p class="muted">${detail}</p>` : ''
    }<p>${t('error.startAgain')}</p><p class="muted">${t('error.code', { code: e.code })}</p></div>`,
    { lang: locale },
  );
}
