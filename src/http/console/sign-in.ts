import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { MIN_PASSWORD_LENGTH } from '../../console/password.ts';
import { ConsentryError, isConsentryError } from '../../domain/errors.ts';
import { sameSitePathOr } from '../../domain/safe-path.ts';
import { html, type SafeHtml } from '../html.ts';
import { SESSION_COOKIE } from '../session.ts';
import { type ConsoleContext, csrfField, formOf, redirectWithFlash, renderPage } from './context.ts';

/**
 * First-run setup (only while no user exists, and only on a loopback base URL — elsewhere the
 * first administrator comes from `consentry users create --admin`), sign-in and sign-out.
 * Signing in replaces the session id (no session fixation).
 */
export function signInPages(app: FastifyInstance, ctx: ConsoleContext): void {
  app.get('/setup', { config: { permission: 'public' } }, async (request, reply) => {
    if (await ctx.services.users.hasUsers()) return reply.redirect('/sign-in', 303);
    return setupPage(request, reply, ctx);
  });

  app.post('/setup', { config: { permission: 'public' } }, async (request, reply) => {
    if (!ctx.setupAllowed) throw new ConsentryError('SETUP_CLOSED', { detail: setupClosedReason });
    const f = formOf(request);
    if (f.password !== f.confirm)
      return setupPage(request, reply, ctx, {
        error: 'The two passwords differ.',
        email: f.email,
        status: 400,
      });
    try {
      const user = await ctx.services.users.createFirstAdmin(
        { email: f.email ?? '', password: f.password ?? '' },
        { kind: 'user', label: 'first-run setup', address: request.ip },
      );
      await startSession(reply, ctx, await ctx.services.users.startSession(user));
      return redirectWithFlash(
        reply,
        ctx,
        '/',
        'ok',
        `Welcome, ${user.email}. You are the administrator: register a client or try the built-in demo provider.`,
      );
    } catch (e) {
      if (isConsentryError(e, 'USER_INVALID'))
        return setupPage(request, reply, ctx, { error: e.message, email: f.email, status: 400 });
      throw e;
    }
  });

  app.get('/sign-in', { config: { permission: 'public' } }, async (request, reply) => {
    if (!(await ctx.services.users.hasUsers())) return reply.redirect('/setup', 303);
    const next = sameSitePathOr((request.query as Record<string, string | undefined>).next);
    const extra = await ctx.deps.signInOptions?.(request);
    return signInPage(request, reply, ctx, { next, extra });
  });

  app.post('/sign-in', { config: { permission: 'public' } }, async (request, reply) => {
    const f = formOf(request);
    const email = (f.email ?? '').trim().toLowerCase();
    const next = sameSitePathOr(f.next);
    // Limits shared by every instance (src/console/sign-in-limits.ts): checked before the password,
    // so a spent budget costs no scrypt and says nothing about the password.
    const limits = ctx.services.signInLimits;
    const wait = await limits.retryAfter(email, request.ip);
    if (wait > 0) {
      reply.header('retry-after', String(wait));
      return signInPage(request, reply, ctx, {
        next,
        email,
        status: 429,
        error: `Too many failed attempts from this address. Wait ${Math.ceil(wait / 60)} minute${wait > 60 ? 's' : ''} and try again.`,
      });
    }
    try {
      const user = await ctx.services.users.authenticate(email, f.password ?? '');
      await limits.recordSuccess(email, request.ip);
      await startSession(reply, ctx, await ctx.services.users.startSession(user));
      return reply.redirect(next, 303);
    } catch (e) {
      if (!isConsentryError(e, 'SIGN_IN_INVALID')) throw e;
      await limits.recordFailure(email, request.ip);
      request.log.warn({ code: e.code }, 'console sign-in refused');
      const extra = await ctx.deps.signInOptions?.(request);
      return signInPage(request, reply, ctx, { next, email, status: 401, error: e.message, extra });
    }
  });

  app.post('/sign-out', { config: { permission: 'signed_in' } }, async (request, reply) => {
    const sid = request.cookies[SESSION_COOKIE];
    if (sid) await ctx.services.users.endSession(sid);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.redirect('/sign-in', 303);
  });
}

const setupClosedReason =
  'The first-run setup page only works when PUBLIC_BASE_URL is a localhost address. Create the first administrator on the server with: consentry users create --admin --email you@example.org';

async function startSession(reply: FastifyReply, ctx: ConsoleContext, sessionId: string): Promise<void> {
  reply.setCookie(SESSION_COOKIE, sessionId, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: ctx.session.secure,
  });
}

function setupPage(
  request: FastifyRequest,
  reply: FastifyReply,
  ctx: ConsoleContext,
  state: { error?: string; email?: string | undefined; status?: number } = {},
) {
  const body = ctx.setupAllowed
    ? html`<div class="card narrow"><h1>Welcome to Consentry</h1>
      <p>Create the first administrator. This page works only until a user exists.</p>
      ${state.error ? html`<div class="flash error" role="alert">${state.error}</div>` : ''}
      <form method="post" action="/setup">${csrfField(request, reply, ctx)}
        <label for="email">Email address</label>
        <input id="email" name="email" type="email" autocomplete="username" required value="${state.email ?? ''}">
        <label for="password">Password</label>
        <input id="password" name="password" type="password" autocomplete="new-password" required minlength="${MIN_PASSWORD_LENGTH}" aria-describedby="pw-help">
        <p id="pw-help" class="muted small">At least ${MIN_PASSWORD_LENGTH} characters.</p>
        <label for="confirm">Repeat the password</label>
        <input id="confirm" name="confirm" type="password" autocomplete="new-password" required minlength="${MIN_PASSWORD_LENGTH}">
        <p><button type="submit">Create administrator</button></p>
      </form></div>`
    : html`<div class="card narrow"><h1>Create the first administrator</h1>
      <p>${setupClosedReason}</p><p>Then <a href="/sign-in">sign in</a>.</p></div>`;
  return renderPage(request, reply, ctx, { title: 'First-run setup', body, status: state.status ?? 200 });
}

function signInPage(
  request: FastifyRequest,
  reply: FastifyReply,
  ctx: ConsoleContext,
  state: { next: string; email?: string; error?: string; status?: number; extra?: SafeHtml | undefined },
) {
  const body = html`<div class="card narrow"><h1>Sign in</h1>
    ${state.error ? html`<div class="flash error" role="alert">${state.error}</div>` : ''}
    <form method="post" action="/sign-in">${csrfField(request, reply, ctx)}
      <input type="hidden" name="next" value="${state.next}">
      <label for="email">Email address</label>
      <input id="email" name="email" type="email" autocomplete="username" required value="${state.email ?? ''}">
      <label for="password">Password</label>
      <input id="password" name="password" type="password" autocomplete="current-password" required>
      <p><button type="submit">Sign in</button></p>
    </form></div>${state.extra ?? ''}`;
  return renderPage(request, reply, ctx, { title: 'Sign in', body, status: state.status ?? 200 });
}
