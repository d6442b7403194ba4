import type { FastifyRequest } from 'fastify';
import { ConsentryError } from '../../domain/errors.ts';
import {
  actionButton,
  csrfOf,
  formatTime,
  formOf,
  redirectWithFlash,
  renderPage,
} from '../../http/console/context.ts';
import type { ConsolePageModule } from '../../http/console/pages.ts';
import { html, type SafeHtml } from '../../http/html.ts';
import { SESSION_COOKIE, sessionId } from '../../http/session.ts';
import { SIGNIN_COMPLETE_PATH, SIGNIN_LINKS_PATH, type SignInService } from './signin-service.ts';

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
    nav: [{ href: SIGNIN_LINKS_PATH, label: 'Sign-in accounts', permission: 'signed_in' }],
    register(app, ctx) {
      // The signed-in user's linked provider accounts, with "Link …" for each sign-in provider.
      app.get(SIGNIN_LINKS_PATH, { config: { permission: 'signed_in' } }, async (request, reply) => {
        const user = request.consoleUser!;
        const links = await signin().linksOf(user.id);
        const options = await signin().options();
        const csrf = csrfOf(request, reply, ctx);
        const q = request.query as Record<string, string | undefined>;
        const body = html`<h1>Sign-in accounts</h1>
          ${q.linked ? html`<div class="flash ok" role="status">Linked. You can now sign in with that account.</div>` : ''}
          <p class="muted">Provider accounts you can sign in with. Linking is how you sign in with a provider that does not confirm email addresses (Microsoft Entra ID).</p>
          ${
            links.length
              ? html`<div class="table-wrap"><table><thead><tr><th>Issuer</th><th>Account</th><th>Last sign-in</th><th></th></tr></thead><tbody>${links.map(
                  (
                    l,
                  ) => html`<tr data-link="${l.issuer} ${l.subject}"><td class="mono">${l.issuer}</td><td>${l.email ?? l.subject}</td><td>${formatTime(l.lastSignInAt, 'never')}</td>
                    <td>${actionButton(request, reply, ctx, `${SIGNIN_LINKS_PATH}/unlink?issuer=${encodeURIComponent(l.issuer)}&subject=${encodeURIComponent(l.subject)}`, 'Unlink', { secondary: true })}</td></tr>`,
                )}</tbody></table></div>`
              : html`<div class="card empty">No linked accounts.</div>`
          }
          ${options.length ? html`<p>${options.map((o) => html`<a class="button secondary" href="${SIGNIN_LINKS_PATH}/link/${encodeURIComponent(o.clientRef)}?_csrf=${encodeURIComponent(csrf)}">Link ${o.label}</a> `)}</p>` : ''}`;
        return renderPage(request, reply, ctx, {
          title: 'Sign-in accounts',
          body,
          active: SIGNIN_LINKS_PATH,
        });
      });

      // A link (the redirect leaves for the provider); the CSRF token rides in it.
      app.get(
        `${SIGNIN_LINKS_PATH}/link/:clientRef`,
        { config: { permission: 'signed_in' } },
        async (request, reply) => {
          const { clientRef } = request.params as { clientRef: string };
          if ((request.query as Record<string, string | undefined>)._csrf !== csrfOf(request, reply, ctx)) {
            throw new ConsentryError('BAD_REQUEST', {
              detail: 'The link’s security token is invalid; go back and try again.',
            });
          }
          const url = await signin().beginLink(clientRef, {
            session: sessionId(request, reply, ctx.session),
            userId: request.consoleUser!.id,
          });
          return reply.header('cache-control', 'no-store').redirect(url, 303);
        },
      );

      app.post(
        `${SIGNIN_LINKS_PATH}/unlink`,
        { config: { permission: 'signed_in' } },
        async (request, reply) => {
          const q = request.query as Record<string, string | undefined>;
          const f = formOf(request);
          const done = await signin().unlink(
            request.consoleUser!.id,
            q.issuer ?? f.issuer ?? '',
            q.subject ?? f.subject ?? '',
          );
          return redirectWithFlash(
            reply,
            ctx,
            SIGNIN_LINKS_PATH,
            done ? 'ok' : 'error',
            done ? 'Unlinked.' : 'No such linked account.',
          );
        },
      );

      app.get('/sign-in/with/:clientRef', { config: { permission: 'public' } }, async (request, reply) => {
        const { clientRef } = request.params as { clientRef: string };
        const next = (request.query as Record<string, string | undefined>).next;
        // Public and anonymous: bounded per address, shared by every instance (issue 10, finding 7).
        const wait = await ctx.services.signInLimits.takeFlowStart(request.ip);
        if (wait > 0) {
          reply.header('retry-after', String(wait));
          throw new ConsentryError('FLOW_START_THROTTLED');
        }
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
