import { createHmac, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { random256 } from '../core/random.ts';
import { ConsentryError } from '../domain/errors.ts';

/**
 * The browser session: an opaque 256-bit id in an HttpOnly cookie. SameSite=Lax, not Strict:
 * the return from the provider is a top-level cross-site navigation that must carry the cookie.
 * Secure whenever the public base URL is https.
 */
export const SESSION_COOKIE = 'consentry_sid';

export interface SessionSettings {
  secure: boolean;
  /** The cookies' `Path`: the mount prefix (`''` at the root → `/`). */
  cookiePath?: string | undefined;
  /** Key for deriving CSRF tokens from session ids. */
  csrfKey: Buffer;
  publicOrigin: string;
}

export function sessionId(request: FastifyRequest, reply: FastifyReply, settings: SessionSettings): string {
  const existing = request.cookies[SESSION_COOKIE];
  if (existing && /^[A-Za-z0-9_-]{43}$/.test(existing)) return existing;
  const id = random256();
  reply.setCookie(SESSION_COOKIE, id, {
    path: settings.cookiePath || '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: settings.secure,
  });
  request.cookies[SESSION_COOKIE] = id;
  return id;
}

declare module 'fastify' {
  interface FastifyRequest {
    /**
     * The embedding host's own session for this request (`hostSession` hook of createConsentry);
     * undefined when there is no hook or nobody is signed in there. A host starting flows itself
     * passes the same value as `beginConsent({ session })`.
     */
    hostSession: string | undefined;
  }
}

/**
 * The session an OAuth flow is bound to (`beginConsent({ session })`, checked at the callback):
 * the host's session when the embedding host says who is signed in, else Consentry's own cookie.
 */
export function flowSession(request: FastifyRequest, reply: FastifyReply, settings: SessionSettings): string {
  return request.hostSession ?? sessionId(request, reply, settings);
}

/** The callback's side of `flowSession` (never sets a cookie: a callback without one fails). */
export function callbackSession(request: FastifyRequest): string | undefined {
  return request.hostSession ?? request.cookies[SESSION_COOKIE];
}

/** A CSRF token bound to the session (HMAC of its id): nothing to store, useless without the cookie. */
export function csrfToken(session: string, settings: SessionSettings): string {
  return createHmac('sha256', settings.csrfKey).update(`csrf:${session}`).digest('base64url');
}

/**
 * Every state-changing request: the form's CSRF token must match the session, and the browser's
 * Origin / Sec-Fetch-Site must not say cross-site.
 */
export function assertCsrf(request: FastifyRequest, settings: SessionSettings): void {
  const session = request.cookies[SESSION_COOKIE];
  const body = (request.body ?? {}) as Record<string, unknown>;
  const sent = typeof body._csrf === 'string' ? body._csrf : '';
  const site = request.headers['sec-fetch-site'];
  const origin = request.headers.origin;
  const crossSite =
    (site !== undefined && site !== 'same-origin' && site !== 'none') ||
    (origin !== undefined && origin !== settings.publicOrigin && origin !== 'null');
  if (!session || crossSite || !sent)
    throw new ConsentryError('BAD_REQUEST', {
      detail: 'The form’s security token is missing or invalid; reload the page and try again.',
      facts: { csrf: true },
    });
  const expected = Buffer.from(csrfToken(session, settings));
  const given = Buffer.from(sent);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    throw new ConsentryError('BAD_REQUEST', {
      detail: 'The form’s security token is missing or invalid; reload the page and try again.',
      facts: { csrf: true },
    });
  }
}
