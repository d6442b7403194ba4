import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { ProviderRegistry } from '../../catalog/registry.ts';
import type { Config } from '../../config/config.ts';
import type { Actor } from '../../console/actor.ts';
import type { Permission, RouteAccess } from '../../console/permissions.ts';
import type { ConsoleServices } from '../../console/services.ts';
import type { OAuth2Client } from '../../core/oauth2-client.ts';
import { redact } from '../../domain/redact.ts';
import type { ConsoleUser } from '../../storage/console.ports.ts';
import type { Store } from '../../storage/ports.ts';
import type { Database } from '../../storage/schema.ts';
import { html, layout, type SafeHtml } from '../html.ts';
import { csrfToken, type SessionSettings, sessionId } from '../session.ts';

/**
 * What every console page gets: the service layer, the session settings, and helpers to render
 * a page (layout, navigation filtered by permission, flash message, no-store) and to redirect
 * with a flash message after an action (POST → 303 → GET).
 */
declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in console user, set by the access hook on every non-public route. */
    consoleUser: ConsoleUser | undefined;
  }
  interface FastifyContextConfig {
    /** Every route declares who may call it: 'public', 'signed_in' or a console permission. */
    permission?: RouteAccess | string;
    /** A page an end user (not an administrator) sees: errors are shown in their language. */
    endUser?: boolean;
  }
}

export interface NavItem {
  href: string;
  label: string;
  permission: RouteAccess;
}

export interface ConsoleContext {
  services: ConsoleServices;
  session: SessionSettings;
  publicBaseUrl: string;
  /** The first-run setup page may create the first administrator (loopback base URLs only). */
  setupAllowed: boolean;
  nav: NavItem[];
  /** The composition root's parts, for page modules that build their own services. */
  deps: ConsoleDeps;
}

export interface ConsoleDeps {
  services: ConsoleServices;
  session: SessionSettings;
  config: Config;
  providers: ProviderRegistry;
  store: Store;
  client: OAuth2Client;
  db: Kysely<Database>;
  /** Extra sign-in choices under the password form ("Sign in with <provider>", issue 7). */
  signInOptions?: ((request: FastifyRequest) => Promise<SafeHtml | undefined>) | undefined;
}

export const FLASH_COOKIE = 'consentry_flash';
type FlashKind = 'ok' | 'error' | 'warn';

export function actorOf(request: FastifyRequest): Actor {
  const u = request.consoleUser;
  return {
    userId: u?.id,
    label: u?.email ?? 'anonymous',
    permissions: u?.permissions ?? [],
    address: request.ip,
  };
}

export function userCan(request: FastifyRequest, permission: Permission): boolean {
  return request.consoleUser?.permissions.includes(permission) ?? false;
}

export function csrfOf(request: FastifyRequest, reply: FastifyReply, ctx: ConsoleContext): string {
  return csrfToken(sessionId(request, reply, ctx.session), ctx.session);
}

/** The hidden field every state-changing form carries. */
export function csrfField(request: FastifyRequest, reply: FastifyReply, ctx: ConsoleContext): SafeHtml {
  return html`<input type="hidden" name="_csrf" value="${csrfOf(request, reply, ctx)}">`;
}

/** A one-button POST form (Refresh now, Revoke, Delete …), CSRF included. */
export function actionButton(
  request: FastifyRequest,
  reply: FastifyReply,
  ctx: ConsoleContext,
  action: string,
  label: string,
  options: { danger?: boolean; secondary?: boolean; confirm?: string } = {},
): SafeHtml {
  const cls = options.danger ? 'danger' : options.secondary ? 'secondary' : '';
  return html`<form class="inline" method="post" action="${action}">${csrfField(request, reply, ctx)}<button type="submit" class="${cls}"${options.confirm ? html` data-confirm="${options.confirm}"` : ''}>${label}</button></form>`;
}

export function formOf(request: FastifyRequest): Record<string, string> {
  const body = (request.body ?? {}) as Record<string, unknown>;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(body)) if (typeof v === 'string') out[k] = v;
  return out;
}

export function setFlash(reply: FastifyReply, ctx: ConsoleContext, kind: FlashKind, text: string): void {
  // Redacted: a flash often repeats an error a peer worded (issue 10, finding 4).
  const safe = redact(text);
  reply.setCookie(FLASH_COOKIE, Buffer.from(JSON.stringify({ kind, text: safe })).toString('base64url'), {
    path: ctx.session.cookiePath || '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: ctx.session.secure,
    maxAge: 120,
  });
}

export function redirectWithFlash(
  reply: FastifyReply,
  ctx: ConsoleContext,
  to: string,
  kind: FlashKind,
  text: string,
): FastifyReply {
  setFlash(reply, ctx, kind, text);
  return reply.redirect(to, 303);
}

function takeFlash(request: FastifyRequest, reply: FastifyReply, ctx: ConsoleContext): SafeHtml | undefined {
  const raw = request.cookies[FLASH_COOKIE];
  if (!raw) return undefined;
  reply.clearCookie(FLASH_COOKIE, { path: ctx.session.cookiePath || '/' });
  try {
    const { kind, text } = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as {
      kind: string;
      text: string;
    };
    const k = ['ok', 'error', 'warn'].includes(kind) ? kind : 'warn';
    return html`<div class="flash ${k}" role="${k === 'error' ? 'alert' : 'status'}">${String(text).slice(0, 500)}</div>`;
  } catch {
    return undefined;
  }
}

/** Flash messages that arrive in the query after a flow (the callback redirects with ?oauth=…). */
function oauthFlash(request: FastifyRequest, csrf: string): SafeHtml | undefined {
  const q = request.query as Record<string, string | undefined>;
  if (q.oauth === 'connected')
    return html`<div class="flash ok" role="status">Connected. The account’s tokens are stored (sealed) and are refreshed automatically.</div>`;
  if (q.oauth === 'account_mismatch')
    return html`<div class="flash warn" role="alert" id="account-mismatch">You signed in at the provider with another account than the one this connection belongs to. The connection was left as it was.${
      q.client && /^[A-Za-z0-9-]{1,64}$/.test(q.client)
        ? html` <a class="button" href="/connect/${q.client}?_csrf=${encodeURIComponent(csrf)}">Connect as a new connection</a>`
        : ''
    }</div>`;
  if (q.oauth === 'cancelled')
    return html`<div class="flash warn" role="status">The connection was cancelled${q.oauth_error ? html` (the provider said <code>${q.oauth_error.slice(0, 64)}</code>)` : ''}. Nothing was stored.</div>`;
  return undefined;
}

export function renderPage(
  request: FastifyRequest,
  reply: FastifyReply,
  ctx: ConsoleContext,
  page: { title: string; body: SafeHtml; status?: number; active?: string; lang?: string },
): FastifyReply {
  const user = request.consoleUser;
  const flash = [takeFlash(request, reply, ctx), oauthFlash(request, csrfOf(request, reply, ctx))].filter(
    Boolean,
  ) as SafeHtml[];
  const links = user
    ? ctx.nav.filter(
        (n) =>
          n.permission === 'signed_in' ||
          n.permission === 'public' ||
          userCan(request, n.permission as Permission),
      )
    : [];
  // An end-user page in another language (consent, device): the console's chrome stays English.
  const chromeLang = page.lang && page.lang !== 'en' ? html` lang="en"` : '';
  const nav = user
    ? html`<nav aria-label="Console"${chromeLang}><ul>${links.map((n) => html`<li><a href="${n.href}"${page.active === n.href ? html` aria-current="page"` : ''}>${n.label}</a></li>`)}</ul></nav>
      <div class="who"${chromeLang}><span class="muted-inv">${user.email}</span>${actionButton(request, reply, ctx, '/sign-out', 'Sign out', { secondary: true })}</div>`
    : html``;
  return reply
    .status(page.status ?? 200)
    .type('text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .send(
      layout(page.title, page.body, {
        nav,
        flash: html`${flash}`,
        ...(page.lang ? { lang: page.lang } : {}),
      }),
    );
}

export function formatTime(d: Date | undefined, empty = '—'): SafeHtml | string {
  if (!d) return empty;
  return html`<time datetime="${d.toISOString()}">${d.toISOString().replace('T', ' ').slice(0, 19)} UTC</time>`;
}
