import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AuthServer } from '../../authserver/auth-server.ts';
import type { AuthorizationRequest } from '../../authserver/authorization.ts';
import { sha256 } from '../../core/random.ts';
import type { Application } from '../../domain/application.ts';
import { withQuery } from '../../domain/safe-path.ts';
import { html, type SafeHtml } from '../html.ts';
import { scopeInWords, type Translator, translatorFor } from '../i18n/i18n.ts';
import { SESSION_COOKIE } from '../session.ts';
import {
  actionButton,
  type ConsoleContext,
  csrfField,
  formatTime,
  formOf,
  redirectWithFlash,
  renderPage,
} from './context.ts';
import type { ConsolePageModule } from './pages.ts';

/**
 * The provider role's end-user pages (issue 14): the authorization endpoint with its consent
 * screen, device-code entry (RFC 8628 §3.3), "Authorized apps" for every signed-in user, and the
 * administrators' view of every grant. People sign in with the console's own sign-in (password
 * or an OpenID provider): an unsigned request goes to `/sign-in?next=…` and comes back here.
 * Their strings are translated data (../i18n/messages/, keys `consent.*`, `device.*`,
 * `authorized.*`, `authorizeError.*`, `scope.*`) in the language of `Accept-Language` (issue 15);
 * the console around them (navigation, the administrators' Grants page) stays English.
 */
export function authorizePages(authserver: AuthServer): ConsolePageModule {
  return {
    nav: [
      { href: '/authorized-apps', label: 'Authorized apps', permission: 'signed_in' },
      { href: '/apps/grants', label: 'Grants', permission: 'administer_oauth' },
    ],
    register: (app, ctx) => pages(app, ctx, authserver),
  };
}

const PUBLIC = { config: { permission: 'public' } };
const SIGNED_IN = { config: { permission: 'signed_in' } };
const ADMIN = { config: { permission: 'administer_oauth' } };
/** The request parameters the consent form carries back (validated again on POST). */
const CARRIED = [
  'client_id',
  'redirect_uri',
  'response_type',
  'scope',
  'state',
  'code_challenge',
  'code_challenge_method',
  'resource',
] as const;

function pages(app: FastifyInstance, ctx: ConsoleContext, authserver: AuthServer): void {
  const service = authserver.authorization;

  /** The signed-in user and when they signed in (the console session's start: `auth_time`). */
  const signedIn = async (request: FastifyRequest) => {
    const sid = request.cookies[SESSION_COOKIE];
    const user = await ctx.services.users.userOfSession(sid);
    if (!user || !sid) return undefined;
    const authTimeMs = (await authserver.sessionStartedAt(sha256(sid))) ?? Date.now();
    return { user, authTimeMs };
  };

  app.get(authserver.authorizationPath, PUBLIC, async (request, reply) => {
    const outcome = await service.validate(request.query as Record<string, string | string[] | undefined>);
    if (outcome.kind === 'error-page')
      return errorPage(request, reply, ctx, outcome.error, outcome.description);
    if (outcome.kind === 'redirect') return reply.redirect(outcome.location, 303);
    const req = outcome.request;
    const who = await signedIn(request);
    if (!who) {
      if (req.prompt.has('none'))
        return reply.redirect(
          service.errorLocation(req.redirectUri, req.state, 'login_required', 'The user is not signed in.'),
          303,
        );
      return reply.redirect(withQuery('/sign-in', { next: request.url }), 303);
    }
    if (await service.hasConsent(req, who.user.id))
      return reply.redirect(await service.approve(req, { id: who.user.id, authTimeMs: who.authTimeMs }), 303);
    if (req.prompt.has('none'))
      return reply.redirect(
        service.errorLocation(
          req.redirectUri,
          req.state,
          'consent_required',
          'The user has not consented yet.',
        ),
        303,
      );
    return consentPage(request, reply, ctx, req, who.user.email, authserver.authorizationPath);
  });

  app.post(authserver.authorizationPath, SIGNED_IN, async (request, reply) => {
    const f = formOf(request);
    const query: Record<string, string> = {};
    for (const k of CARRIED) if (f[k] !== undefined) query[k] = f[k];
    const outcome = await service.validate(query);
    if (outcome.kind === 'error-page')
      return errorPage(request, reply, ctx, outcome.error, outcome.description);
    if (outcome.kind === 'redirect') return reply.redirect(outcome.location, 303);
    const who = (await signedIn(request))!;
    if (f.decision !== 'allow') return reply.redirect(service.deny(outcome.request), 303);
    return reply.redirect(
      await service.approve(outcome.request, { id: who.user.id, authTimeMs: who.authTimeMs }),
      303,
    );
  });

  // RFC 8628 §3.3: the person enters the user code after signing in.
  app.get(authserver.devicePath, SIGNED_IN, async (request, reply) => {
    const typed = (request.query as Record<string, string | undefined>).user_code;
    if (typed) return deviceStep(request, reply, typed);
    return deviceForm(request, reply, ctx, authserver.devicePath);
  });
  app.post(authserver.devicePath, SIGNED_IN, async (request, reply) =>
    deviceStep(request, reply, formOf(request).user_code ?? ''),
  );

  async function deviceStep(request: FastifyRequest, reply: FastifyReply, typed: string) {
    const tr = translatorFor(request.headers);
    const { t } = tr;
    // Guessing user codes is bounded per user and address (RFC 8628 §5.1), in the database shared
    // by every instance, through the console's sign-in limits (the account key names the device step).
    const key = `device:${request.consoleUser!.id}`;
    if ((await ctx.services.signInLimits.retryAfter(key, request.ip)) > 0)
      return deviceForm(request, reply, ctx, authserver.devicePath, {
        error: t('device.throttled'),
        status: 429,
      });
    const pending = await authserver.pendingDevice(typed);
    if (!pending) {
      await ctx.services.signInLimits.recordFailure(key, request.ip);
      return deviceForm(request, reply, ctx, authserver.devicePath, {
        error: t('device.unknown'),
        status: 400,
      });
    }
    const body = html`<div class="card narrow"><h1>${t('consent.title')}</h1>
      <p>${t('device.confirm', { code: pending.userCode })}</p>
      ${consentFacts(tr, pending.application, pending.record.scopes, request.consoleUser!.email)}
      <form method="post" action="${authserver.devicePath}/decision">${csrfField(request, reply, ctx)}
        <input type="hidden" name="user_code" value="${pending.userCode}">
        <p><button type="submit" name="decision" value="allow">${t('consent.allow')}</button>
        <button type="submit" name="decision" value="deny" class="secondary">${t('consent.deny')}</button></p></form></div>`;
    return renderPage(request, reply, ctx, { title: t('consent.title'), body, lang: tr.locale });
  }

  app.post(`${authserver.devicePath}/decision`, SIGNED_IN, async (request, reply) => {
    const f = formOf(request);
    const who = (await signedIn(request))!;
    const approved = f.decision === 'allow';
    const ok = await authserver.decideDevice(
      f.user_code ?? '',
      { id: who.user.id, authTimeMs: who.authTimeMs },
      approved,
    );
    const { t, locale } = translatorFor(request.headers);
    if (!ok)
      return deviceForm(request, reply, ctx, authserver.devicePath, {
        error: t('device.unknown'),
        status: 400,
      });
    const body = html`<div class="card narrow"><h1>${t('device.title')}</h1><p role="status">${approved ? t('device.approved') : t('device.denied')}</p></div>`;
    return renderPage(request, reply, ctx, { title: t('device.title'), body, lang: locale });
  });

  app.get('/authorized-apps', SIGNED_IN, async (request, reply) => {
    const tr = translatorFor(request.headers);
    const { t } = tr;
    const grants = await authserver.grants({ userId: request.consoleUser!.id });
    // One row per application: several grants (devices) of one app are revoked together.
    const byApp = new Map<string, (typeof grants)[number][]>();
    for (const g of grants) byApp.set(g.applicationId, [...(byApp.get(g.applicationId) ?? []), g]);
    const rows = [...byApp.values()].map((list) => {
      const g = list[list.length - 1]!;
      const name = g.applicationName ?? g.clientId;
      const scopes = [...new Set(list.flatMap((x) => x.scopes))];
      return html`<tr><td>${name}</td><td>${g.organizationName ?? ''}</td><td><ul>${scopes.map((s) => html`<li>${scopeInWords(tr, s)}</li>`)}</ul></td><td>${formatTime(new Date(g.createdAt))}</td>
        <td>${actionButton(request, reply, ctx, `/authorized-apps/${g.applicationId}/revoke`, t('authorized.revoke'), { danger: true, confirm: t('authorized.revokeConfirm', { app: name }) })}</td></tr>`;
    });
    const columns = [
      t('authorized.column.application'),
      t('authorized.column.organization'),
      t('authorized.column.access'),
      t('authorized.column.since'),
      '',
    ];
    const body = html`<h1>${t('authorized.title')}</h1><p>${t('authorized.lead')}</p>
      ${rows.length ? html`<div class="table-wrap"><table><thead><tr>${columns.map((c) => html`<th>${c}</th>`)}</tr></thead><tbody>${rows}</tbody></table></div>` : html`<div class="empty">${t('authorized.none')}</div>`}`;
    return renderPage(request, reply, ctx, {
      title: t('authorized.title'),
      body,
      active: '/authorized-apps',
      lang: tr.locale,
    });
  });

  app.post<{ Params: { id: string } }>('/authorized-apps/:id/revoke', SIGNED_IN, async (request, reply) => {
    const user = request.consoleUser!;
    const grants = await authserver.grants({ userId: user.id });
    const name = grants.find((g) => g.applicationId === request.params.id)?.applicationName ?? '';
    await service.revokeApplication(user.id, request.params.id, 'revoked_by_user');
    const { t } = translatorFor(request.headers);
    return redirectWithFlash(reply, ctx, '/authorized-apps', 'ok', t('authorized.revoked', { app: name }));
  });

  app.get('/apps/grants', ADMIN, async (request, reply) => {
    const grants = await authserver.grants();
    const rows = grants.map(
      (
        g,
      ) => html`<tr><td>${g.userEmail ?? g.userId}</td><td>${g.applicationName ?? g.clientId}</td><td>${g.organizationName ?? ''}</td><td><code>${g.scopes.join(' ')}</code></td><td>${formatTime(new Date(g.createdAt))}</td>
        <td>${actionButton(request, reply, ctx, `/apps/grants/${g.id}/revoke`, 'Revoke', { danger: true, confirm: `Revoke this grant of ${g.applicationName ?? g.clientId}?` })}</td></tr>`,
    );
    const body = html`<h1>Grants</h1><p>Every live authorization a user gave an application (authorization code or device grant). Revoking ends its refresh tokens and access tokens at once, and the user is asked again next time.</p>
      ${rows.length ? html`<div class="table-wrap"><table><thead><tr><th>User</th><th>Application</th><th>Organization</th><th>Scopes</th><th>Since</th><th></th></tr></thead><tbody>${rows}</tbody></table></div>` : html`<div class="empty">No grants.</div>`}`;
    return renderPage(request, reply, ctx, { title: 'Grants', body, active: '/apps/grants' });
  });

  app.post<{ Params: { id: string } }>('/apps/grants/:id/revoke', ADMIN, async (request, reply) => {
    const grant = await authserver.revokeGrant(request.params.id, 'revoked_by_admin');
    return redirectWithFlash(
      reply,
      ctx,
      '/apps/grants',
      grant ? 'ok' : 'warn',
      grant ? 'Grant revoked.' : 'No such grant.',
    );
  });
}

function consentFacts(tr: Translator, application: Application, scopes: string[], email: string): SafeHtml {
  const { t } = tr;
  return html`<p><strong>${t('consent.lead', { app: application.name, organization: application.organizationName })}</strong></p>
    <p class="muted">${t('consent.account', { email })}</p>
    <p>${t('consent.scopesHeading')}</p><ul class="scopes">${scopes.map((s) => html`<li>${scopeInWords(tr, s)}</li>`)}</ul>
    <p class="muted small">${t('consent.remember')}</p>`;
}

function consentPage(
  request: FastifyRequest,
  reply: FastifyReply,
  ctx: ConsoleContext,
  req: AuthorizationRequest,
  email: string,
  action: string,
): FastifyReply {
  const target = new URL(req.redirectUri);
  const shownTarget =
    target.protocol === 'https:' || target.protocol === 'http:' ? target.host : target.protocol;
  const carried: Record<string, string | undefined> = {
    client_id: req.application.clientId,
    redirect_uri: req.redirectUri,
    response_type: 'code',
    scope: req.scopes.join(' '),
    state: req.state,
    code_challenge: req.codeChallenge,
    code_challenge_method: req.codeChallenge ? 'S256' : undefined,
    resource: req.audience,
  };
  const tr = translatorFor(request.headers);
  const { t } = tr;
  const body = html`<div class="card narrow"><h1>${t('consent.title')}</h1>
    ${consentFacts(tr, req.application, req.scopes, email)}
    <p class="muted small">${t('consent.redirectNote', { target: shownTarget })}</p>
    <form method="post" action="${action}">${csrfField(request, reply, ctx)}
      ${Object.entries(carried).map(([k, v]) => (v === undefined ? '' : html`<input type="hidden" name="${k}" value="${v}">`))}
      <p><button type="submit" name="decision" value="allow">${t('consent.allow')}</button>
      <button type="submit" name="decision" value="deny" class="secondary">${t('consent.deny')}</button></p></form></div>`;
  // The POST answers with a redirect to the application: browsers apply form-action to it.
  const formTarget =
    target.protocol === 'https:' || target.protocol === 'http:' ? target.origin : target.protocol;
  reply.header(
    'content-security-policy',
    `default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self' ${formTarget}; base-uri 'none'; object-src 'none'`,
  );
  return renderPage(request, reply, ctx, { title: t('consent.title'), body, lang: tr.locale });
}

function errorPage(
  request: FastifyRequest,
  reply: FastifyReply,
  ctx: ConsoleContext,
  error: string,
  description: string,
): FastifyReply {
  const { t, locale } = translatorFor(request.headers);
  // The description is the RFC 6749 error_description meant for the application's maker: English.
  const body = html`<div class="card narrow"><h1>${t('authorizeError.title')}</h1><p>${t('authorizeError.lead')}</p>
    <div class="flash error" role="alert" lang="en">${description}</div><p class="muted small">${t('authorizeError.code', { code: error })}</p></div>`;
  return renderPage(request, reply, ctx, {
    title: t('authorizeError.title'),
    body,
    status: 400,
    lang: locale,
  });
}

function deviceForm(
  request: FastifyRequest,
  reply: FastifyReply,
  ctx: ConsoleContext,
  action: string,
  state: { error?: string; status?: number } = {},
): FastifyReply {
  const { t, locale } = translatorFor(request.headers);
  const body = html`<div class="card narrow"><h1>${t('device.title')}</h1><p>${t('device.lead')}</p>
    ${state.error ? html`<div class="flash error" role="alert">${state.error}</div>` : ''}
    <form method="post" action="${action}">${csrfField(request, reply, ctx)}
      <label for="user_code">${t('device.codeLabel')}</label>
      <input id="user_code" name="user_code" type="text" autocomplete="off" autocapitalize="characters" required maxlength="20" placeholder="BCDF-GHJK">
      <p><button type="submit">${t('device.continue')}</button></p></form></div>`;
  return renderPage(request, reply, ctx, {
    title: t('device.title'),
    body,
    status: state.status ?? 200,
    lang: locale,
  });
}
