import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AuthServer } from '../../authserver/auth-server.ts';
import type { NotificationResult } from '../../authserver/owner-notification.ts';
import { auditActorOf } from '../../console/actor.ts';
import type { ApiAudience, Application } from '../../domain/application.ts';
import { ConsentryError, isConsentryError } from '../../domain/errors.ts';
import { html, type SafeHtml } from '../html.ts';
import {
  actionButton,
  actorOf,
  type ConsoleContext,
  csrfField,
  formatTime,
  formOf,
  redirectWithFlash,
  renderPage,
  userCan,
} from './context.ts';
import type { ConsolePageModule } from './pages.ts';

/**
 * Oro's "OAuth Applications" in the console: list with filters (name, organization, status),
 * create (the client secret shown once, in a copyable field, never again), edit, deactivate /
 * activate, delete, rotate the secret (old one valid until a chosen cutoff), and the warning when
 * no signing key is configured. Managing applications needs `administer_oauth`; rotating a
 * secret also `manage_secrets`. Pages showing a secret are `Cache-Control: no-store` (renderPage).
 */
/**
 * Shown to the administrator (never "contact your administrator": they are the administrator).
 * Oro's wording ("encryption keys") meant the token-signing key pair; say that, and say how.
 */
const keysWarningHtml = (): SafeHtml =>
  html`<div class="flash warn" role="alert"><strong>No signing key yet:</strong> applications can be created, but the token endpoint cannot issue access tokens until a signing key exists. Create one on the server with <code>npx consentry keys generate</code> (RS256; add <code>--alg ES256</code> for ES256) — the private key is written to the data directory with mode 0600 — then reload this page.</div>`;
const ADMIN = { config: { permission: 'administer_oauth' } };
const SECRETS = { config: { permission: 'manage_secrets' } };

export function appsConsolePages(authserver: AuthServer): ConsolePageModule {
  return {
    nav: [{ href: '/apps', label: 'Applications', permission: 'administer_oauth' }],
    register: (app, ctx) => appsPages(app, ctx, authserver),
  };
}

type Params = { Params: { id: string } };

function appsPages(app: FastifyInstance, ctx: ConsoleContext, authserver: AuthServer): void {
  const service = authserver.applications;
  const keysWarning = (): SafeHtml => (authserver.keysReady ? html`` : keysWarningHtml());

  app.get('/apps', ADMIN, async (request, reply) => {
    const q = request.query as Record<string, string | undefined>;
    const status = q.status === 'active' || q.status === 'inactive' ? q.status : undefined;
    const [list, organizations] = await Promise.all([
      service.list({
        ...(q.name ? { name: q.name.slice(0, 200) } : {}),
        ...(q.organization ? { organization: q.organization } : {}),
        ...(status ? { status } : {}),
      }),
      service.organizations(),
    ]);
    const filters = html`<form method="get" action="/apps" class="card filters" role="search">
      <label for="f-name">Name</label><input id="f-name" type="search" name="name" value="${q.name ?? ''}">
      <label for="f-org">Organization</label><select id="f-org" name="organization"><option value="">All</option>${organizations.map((o) => html`<option value="${o.id}"${q.organization === o.id ? html` selected` : ''}>${o.name}</option>`)}</select>
      <label for="f-status">Status</label><select id="f-status" name="status"><option value="">All</option><option value="active"${status === 'active' ? html` selected` : ''}>Active</option><option value="inactive"${status === 'inactive' ? html` selected` : ''}>Inactive</option></select>
      <p><button type="submit" class="secondary">Filter</button> <a href="/apps">Clear</a></p></form>`;
    const rows = list.map(
      (
        a,
      ) => html`<tr><td><a href="/apps/${a.id}">${a.name}</a></td><td>${a.organizationName}</td><td><code>${a.clientId}</code></td><td>${apiLabel(a.audience)}</td><td class="${a.active ? 'status-active' : 'status-revoked'}">${a.active ? 'Active' : 'Inactive'}</td><td>${a.ownerEmail}</td>
        <td><a class="button secondary" href="/apps/${a.id}">Edit</a> ${a.active ? actionButton(request, reply, ctx, `/apps/${a.id}/deactivate`, 'Deactivate', { secondary: true, confirm: `Deactivate ${a.name}? Its tokens stop working at once.` }) : actionButton(request, reply, ctx, `/apps/${a.id}/activate`, 'Activate', { secondary: true })} ${actionButton(request, reply, ctx, `/apps/${a.id}/delete`, 'Delete', { danger: true, confirm: `Delete ${a.name}? This cannot be undone.` })}</td></tr>`,
    );
    const body = html`<h1>OAuth applications</h1>${keysWarning()}
      <p>Third-party applications that call the platform’s APIs with the client_credentials grant at <code>${authserver.issuer}/oauth2-token</code>.</p>
      <p><a class="button" href="/apps/new">Add application</a></p>${filters}
      ${list.length ? html`<div class="table-wrap"><table><thead><tr><th>Name</th><th>Organization</th><th>Client ID</th><th>API</th><th>Status</th><th>Owner</th><th>Actions</th></tr></thead><tbody>${rows}</tbody></table></div>` : html`<div class="empty">No applications${q.name || q.organization || status ? ' match these filters' : ' yet'}.</div>`}`;
    return renderPage(request, reply, ctx, { title: 'OAuth applications', body, active: '/apps' });
  });

  app.get('/apps/new', ADMIN, async (request, reply) =>
    formPage(request, reply, ctx, authserver, { ownerEmail: request.consoleUser?.email ?? '' }),
  );

  app.post('/apps', ADMIN, async (request, reply) => {
    const f = formOf(request);
    try {
      const created = await service.create({ ...inputOf(f), active: f.active === '1' }, by(request));
      return secretPage(request, reply, ctx, authserver, created.application, created.clientSecret, {
        heading: 'Application created',
        notification: created.notification,
      });
    } catch (e) {
      if (isConsentryError(e, 'APPLICATION_INVALID'))
        return formPage(request, reply, ctx, authserver, { ...inputOf(f), error: e.message, status: 400 });
      throw e;
    }
  });

  app.get<Params>('/apps/:id', ADMIN, async (request, reply) => {
    const a = await service.get(request.params.id);
    return formPage(request, reply, ctx, authserver, { existing: a });
  });

  app.post<Params>('/apps/:id', ADMIN, async (request, reply) => {
    const a = await service.get(request.params.id);
    const f = formOf(request);
    try {
      const updated = await service.update(a.id, inputOf(f));
      return redirectWithFlash(reply, ctx, '/apps', 'ok', `Saved “${updated.name}”.`);
    } catch (e) {
      if (isConsentryError(e, 'APPLICATION_INVALID'))
        return formPage(request, reply, ctx, authserver, {
          existing: a,
          ...inputOf(f),
          error: e.message,
          status: 400,
        });
      throw e;
    }
  });

  app.post<Params>('/apps/:id/deactivate', ADMIN, async (request, reply) => {
    const a = await service.deactivate(request.params.id, by(request));
    return redirectWithFlash(
      reply,
      ctx,
      '/apps',
      'ok',
      `Deactivated “${a.name}”: its tokens are refused from now on.`,
    );
  });
  app.post<Params>('/apps/:id/activate', ADMIN, async (request, reply) => {
    const a = await service.activate(request.params.id, by(request));
    return redirectWithFlash(
      reply,
      ctx,
      '/apps',
      'ok',
      `Activated “${a.name}”. Tokens issued before its deactivation stay refused.`,
    );
  });
  app.post<Params>('/apps/:id/delete', ADMIN, async (request, reply) => {
    const a = await service.delete(request.params.id, by(request));
    return redirectWithFlash(reply, ctx, '/apps', 'ok', `Deleted “${a.name}”.`);
  });

  app.post<Params>('/apps/:id/rotate-secret', SECRETS, async (request, reply) => {
    if (!userCan(request, 'administer_oauth'))
      throw new ConsentryError('FORBIDDEN', { facts: { permission: 'administer_oauth' } });
    const hours = Number(formOf(request).old_secret_hours ?? '0');
    const graceHours = Number.isFinite(hours) && hours >= 0 && hours <= 24 * 30 ? hours : 0;
    const { application, clientSecret } = await service.rotateSecret(
      request.params.id,
      { oldSecretValidUntil: new Date(Date.now() + graceHours * 3_600_000) },
      by(request),
    );
    return secretPage(request, reply, ctx, authserver, application, clientSecret, {
      heading: 'New client secret',
      note: graceHours
        ? `The previous secret keeps working until ${application.previousSecretValidUntil?.toISOString() ?? ''}.`
        : 'The previous secret no longer works.',
    });
  });
}

/** The audit trail's actor for a console request (issue 10). */
const by = (request: FastifyRequest) => auditActorOf(actorOf(request));

const apiLabel = (a: ApiAudience) => (a === 'backend' ? 'Backend API' : 'Frontend API');

function inputOf(f: Record<string, string>) {
  return {
    organization: f.organization ?? '',
    name: f.name ?? '',
    ownerEmail: f.owner_email ?? '',
    audience: (f.audience === 'frontend' ? 'frontend' : 'backend') as ApiAudience,
    scopes: f.scopes ?? '',
    tokenLifetimeSeconds: f.token_lifetime || undefined,
  };
}

interface FormState {
  existing?: Application;
  organization?: string;
  name?: string;
  ownerEmail?: string;
  audience?: ApiAudience;
  scopes?: string | string[];
  tokenLifetimeSeconds?: string | number | undefined;
  error?: string;
  status?: number;
}

async function formPage(
  request: FastifyRequest,
  reply: FastifyReply,
  ctx: ConsoleContext,
  authserver: AuthServer,
  s: FormState,
): Promise<FastifyReply> {
  const a = s.existing;
  const v = {
    organization: s.organization ?? a?.organizationName ?? '',
    name: s.name ?? a?.name ?? '',
    ownerEmail: s.ownerEmail ?? a?.ownerEmail ?? '',
    audience: s.audience ?? a?.audience ?? 'backend',
    scopes: typeof s.scopes === 'string' ? s.scopes : (s.scopes ?? a?.scopes ?? []).join(' '),
    lifetime: String(s.tokenLifetimeSeconds ?? a?.tokenLifetimeSeconds ?? 3600),
  };
  const organizations = await authserver.applications.organizations();
  const title = a ? `Edit ${a.name}` : 'Add application';
  const warning = authserver.keysReady ? html`` : keysWarningHtml();
  const body = html`<h1>${title}</h1>${warning}
    ${s.error ? html`<div class="flash error" role="alert">${s.error}</div>` : ''}
    <form method="post" action="${a ? `/apps/${a.id}` : '/apps'}" class="card">${csrfField(request, reply, ctx)}
      <label for="organization">Organization</label>
      <input id="organization" type="text" name="organization" list="organizations" required maxlength="200" value="${v.organization}">
      <datalist id="organizations">${organizations.map((o) => html`<option value="${o.name}"></option>`)}</datalist>
      <label for="name">Application name</label><input id="name" type="text" name="name" required maxlength="200" value="${v.name}">
      <label for="owner_email">Owner (console user’s email)</label><input id="owner_email" type="email" name="owner_email" required value="${v.ownerEmail}">
      <label for="audience">API</label><select id="audience" name="audience"><option value="backend"${v.audience === 'backend' ? html` selected` : ''}>Backend API</option><option value="frontend"${v.audience === 'frontend' ? html` selected` : ''}>Frontend API</option></select>
      <p class="muted">Tokens for one API are refused by the other.</p>
      <label for="scopes">Allowed scopes (space-separated)</label><input id="scopes" type="text" name="scopes" value="${v.scopes}" placeholder="participants:read">
      <label for="token_lifetime">Token lifetime (seconds)</label><input id="token_lifetime" type="text" inputmode="numeric" name="token_lifetime" value="${v.lifetime}">
      ${a ? '' : html`<label class="check"><input type="checkbox" name="active" value="1" checked> Active</label>`}
      <p><button type="submit">${a ? 'Save' : 'Create'}</button> <a href="/apps">Cancel</a></p>
    </form>
    ${a ? manageCard(request, reply, ctx, a) : ''}`;
  return renderPage(request, reply, ctx, { title, body, status: s.status ?? 200, active: '/apps' });
}

function manageCard(
  request: FastifyRequest,
  reply: FastifyReply,
  ctx: ConsoleContext,
  a: Application,
): SafeHtml {
  const rotate = userCan(request, 'manage_secrets')
    ? html`<form method="post" action="/apps/${a.id}/rotate-secret">${csrfField(request, reply, ctx)}
        <label for="old_secret_hours">Keep the current secret working for</label>
        <select id="old_secret_hours" name="old_secret_hours"><option value="0">no time: stop it now</option><option value="1">1 hour</option><option value="24" selected>24 hours</option><option value="168">7 days</option></select>
        <p><button type="submit" class="secondary" data-confirm="Issue a new client secret for ${a.name}?">Rotate secret</button></p></form>`
    : html`<p class="muted">Rotating the secret needs the manage_secrets permission.</p>`;
  return html`<div class="card"><h2>Credentials</h2>
    <p>Client ID: <code>${a.clientId}</code></p>
    <p>Client secret: <span class="muted">shown only once, when created or rotated.</span>${a.previousSecretValidUntil && a.previousSecretValidUntil.getTime() > Date.now() ? html` A previous secret still works until ${formatTime(a.previousSecretValidUntil)}.` : ''}</p>
    ${rotate}
    <h2>Status</h2><p>${a.active ? 'Active' : 'Inactive'} · created ${formatTime(a.createdAt)}</p>
    <p>${a.active ? actionButton(request, reply, ctx, `/apps/${a.id}/deactivate`, 'Deactivate', { secondary: true, confirm: `Deactivate ${a.name}? Its tokens stop working at once.` }) : actionButton(request, reply, ctx, `/apps/${a.id}/activate`, 'Activate', { secondary: true })}
    ${actionButton(request, reply, ctx, `/apps/${a.id}/delete`, 'Delete', { danger: true, confirm: `Delete ${a.name}? This cannot be undone.` })}</p></div>`;
}

/** The one page that ever shows a client secret (rendered by the POST itself, no-store). */
function secretPage(
  request: FastifyRequest,
  reply: FastifyReply,
  ctx: ConsoleContext,
  authserver: AuthServer,
  a: Application,
  clientSecret: string,
  options: { heading: string; notification?: NotificationResult; note?: string },
): FastifyReply {
  const n = options.notification;
  const mail = !n
    ? ''
    : n.sent
      ? html`<div class="flash ok" role="status">A notification was emailed to ${n.to}.</div>`
      : html`<div class="flash warn" role="status">No email was sent to ${n.to}: ${n.reason}.</div>`;
  const body = html`<h1>${options.heading}</h1>${mail}
    <div class="card"><p><strong>${a.name}</strong> · ${a.organizationName} · ${apiLabel(a.audience)}</p>
      <label for="client-id">Client ID</label>
      <div class="copy-row"><input id="client-id" type="text" readonly class="mono" value="${a.clientId}"><button type="button" class="secondary" data-copy="client-id">Copy</button></div>
      <label for="client-secret">Client secret</label>
      <div class="copy-row"><input id="client-secret" type="text" readonly class="mono" value="${clientSecret}" autocomplete="off"><button type="button" class="secondary" data-copy="client-secret">Copy</button></div>
      <div class="flash warn" role="alert"><strong>Copy the client secret now: you will not see it again.</strong> Only a hash of it is stored.</div>
      ${options.note ? html`<p>${options.note}</p>` : ''}
      <p class="muted">Token endpoint: <code>${authserver.issuer}/oauth2-token</code> (grant_type=client_credentials).</p>
      <p><a class="button" href="/apps">Done</a></p></div>`;
  return renderPage(request, reply, ctx, { title: options.heading, body, active: '/apps' });
}
