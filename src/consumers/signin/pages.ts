import type { FastifyRequest } from 'fastify';
import type { ConsolePageModule } from '../../http/console/pages.ts';
import { html, type SafeHtml } from '../../http/html.ts';
import { SESSION_COOKIE, sessionId } from '../../http/session.ts';
import { SIGNIN_COMPLETE_PATH, type SignInService } from './signin-service.ts';

/**
 * The sign-in consumer's HTTP face inside the console: "Sign in with <provider>" links (rendered
 * on the console's sign-in page through its `signInOptions` hook), the start of the flow, and the
 * ticket redemption that sets the session cookie.
 *
 * Starting is a GET link, not a form: CSP `form-action 'self'` also governs the redirect that
 * follows a form (Chrome), and the provider is another origin. A forged start is harmless: the
 * flow is bound to the browser session that started it, so nobody can finish it for someone else.
 */
export function signInPageModule(signin: () => SignInService): ConsolePageModule {
  return {
    register(app, ctx) {
      app.get('/sign-in/with/:clientRef', { config: { permission: 'public' } }, async (request, reply) => {
        const { clientRef } = request.params as { clientRef: string };
        const next = (request.query as Record<string, string | undefined>).next;
        const url = await signin().begin(clientRef, {
          session: sessionId(request, reply, ctx.session),
          next,
        });
        return reply.header('cache-control', 'no-store').redirect(url, 303);
      });

      app.get(SIGNIN_COMPLETE_PATH, { config: { permission: 'public' } }, async (request, reply) => {
        reply.header('referrer-policy', 'no-referrer').header('cache-control', 'no-store');
        const ticket = (request.query as Record<string, string | undefined>).ticket;
        const done = await signin().complete(ticket, request.cookies[SESSION_COOKIE]);
        // A new session id: the pre-sign-in one (which started the flow) is never promoted.
        reply.setCookie(SESSION_COOKIE, done.sessionId, {
          path: '/',
          httpOnly: true,
          sameSite: 'lax',
          secure: ctx.session.secure,
        });
        return reply.redirect(done.returnTo, 303);
      });
    },
  };
}

/** The "Sign in with …" links for the console's sign-in page. */
export function signInOptionsHtml(signin: () => SignInService) {
  return async (request: FastifyRequest): Promise<SafeHtml | undefined> => {
    const options = await signin().options();
    if (options.length === 0) return undefined;
    const next = (request.query as Record<string, string | undefined> | undefined)?.next;
    const suffix = next ? `?next=${encodeURIComponent(next)}` : '';
    return html`<div class="card narrow signin-providers"><h2>Or sign in with</h2><ul class="plain">${options.map(
      (o) =>
        html`<li><a class="button secondary" href="/sign-in/with/${encodeURIComponent(o.clientRef)}${suffix}">Sign in with ${o.label}</a></li>`,
    )}</ul></div>`;
  };
}
