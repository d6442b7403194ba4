import type { FastifyInstance } from 'fastify';
import { isConsentryError } from '../../domain/errors.ts';
import { ALL_API_SCOPES, API_SCOPES, type ApiKeyService } from '../../integrations/api-keys.ts';
import { ALL_WEBHOOK_TYPES, type WebhookService } from '../../integrations/webhooks.ts';
import type { WebhookDelivery } from '../../storage/integrations.ports.ts';
import { html, type SafeHtml } from '../html.ts';
import {
  actionButton,
  actorOf,
  type ConsoleContext,
  csrfField,
  formatTime,
  redirectWithFlash,
  renderPage,
} from './context.ts';
import type { ConsolePageModule } from './pages.ts';

/**
 * The integration surface in the console (issue 13): API keys for `/api/v1` (created with a key
 * shown once, listed by prefix, revoked) and webhook endpoints (added with a signing secret shown
 * once, enabled/disabled, removed) with the delivery log (status, attempts, last answer; failed
 * deliveries can be queued again). Everything needs `administer_oauth`; keys that hand out
 * tokens or manage clients also `manage_secrets` (checked by the service).
 */
const ADMIN = { config: { permission: 'administer_oauth' } } as const;
type Params = { Params: { id: string } };

export function integrationsConsolePages(keys: ApiKeyService, webhooks: WebhookService): ConsolePageModule {
  return {
    nav: [
      { href: '/api-keys', label: 'API keys', permission: 'administer_oauth' },
      { href: '/webhooks', label: 'Webhooks', permission: 'administer_oauth' },
    ],
    register: (app, ctx) => {
      apiKeyPages(app, ctx, keys);
      webhookPages(app, ctx, webhooks);
    },
  };
}

/** Repeated form fields (checkbox groups) arrive as arrays from @fastify/formbody. */
function valuesOf(body: unknown, name: string): string[] {
  const v = (body as Record<string, unknown> | undefined)?.[name];
  return (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter(
    (x): x is string => typeof x === 'string',
  );
}
function fieldOf(body: unknown, name: string): string {
  return valuesOf(body, name)[0] ?? '';
}

function oncePage(heading: string, label: string, value: string, note: SafeHtml): SafeHtml {
  return html`<h1>${heading}</h1>
    <div class="card"><label for="once">${label}</label>
    <input id="once" type="text" readonly value="${value}" class="secret" autocomplete="off" spellcheck="false">
    <p class="flash warn" role="status">Shown once: copy it now. Consentry keeps only ${note}.</p></div>`;
}

function apiKeyPages(app: FastifyInstance, ctx: ConsoleContext, keys: ApiKeyService): void {
  const listPage = async (
    request: import('fastify').FastifyRequest,
    reply: import('fastify').FastifyReply,
    error?: string,
  ) => {
    const list = await keys.list(actorOf(request));
    const rows = list.map(
      (k) => html`<tr><td>${k.name}</td><td><code>${k.prefix}…</code></td><td>${k.scopes.join(' ')}</td>
        <td class="${k.revokedAt ? 'status-revoked' : 'status-active'}">${k.revokedAt ? 'Revoked' : 'Active'}</td>
        <td>${formatTime(k.lastUsedAt, 'never')}</td><td>${formatTime(k.createdAt)}</td>
        <td>${k.revokedAt ? '' : actionButton(request, reply, ctx, `/api-keys/${k.id}/revoke`, 'Revoke', { danger: true, confirm: `Revoke “${k.name}”? Calls with it are refused at once.` })}</td></tr>`,
    );
    const body = html`<h1>API keys</h1>
      <p>Keys for the JSON API at <code>${ctx.publicBaseUrl}/api/v1</code> (OpenAPI: <a href="/api/v1/openapi.json">/api/v1/openapi.json</a>). Send one as <code>Authorization: Bearer csk_…</code>.</p>
      ${error ? html`<div class="flash error" role="alert">${error}</div>` : ''}
      ${list.length ? html`<div class="table-wrap"><table><thead><tr><th>Name</th><th>Key</th><th>Scopes</th><th>Status</th><th>Last used</th><th>Created</th><th>Actions</th></tr></thead><tbody>${rows}</tbody></table></div>` : html`<div class="empty">No API keys yet.</div>`}
      <form method="post" action="/api-keys" class="card"><h2>Create a key</h2>${csrfField(request, reply, ctx)}
        <label for="k-name">Name (what uses it)</label><input id="k-name" name="name" required maxlength="100">
        <fieldset><legend>Scopes</legend>${ALL_API_SCOPES.map((s) => html`<label><input type="checkbox" name="scope" value="${s}"> <code>${s}</code> — ${API_SCOPES[s]}</label><br>`)}</fieldset>
        <p><button type="submit">Create key</button></p></form>`;
    return renderPage(request, reply, ctx, {
      title: 'API keys',
      body,
      active: '/api-keys',
      status: error ? 400 : 200,
    });
  };

  app.get('/api-keys', ADMIN, async (request, reply) => listPage(request, reply));

  app.post('/api-keys', ADMIN, async (request, reply) => {
    try {
      const { apiKey, key } = await keys.create(actorOf(request), {
        name: fieldOf(request.body, 'name'),
        scopes: valuesOf(request.body, 'scope'),
      });
      const body = html`${oncePage(`API key “${apiKey.name}” created`, 'API key', key, html`its hash`)}
        <p>Scopes: <code>${apiKey.scopes.join(' ')}</code></p><p><a class="button secondary" href="/api-keys">Back to API keys</a></p>`;
      return renderPage(request, reply, ctx, { title: 'API key created', body, active: '/api-keys' });
    } catch (e) {
      if (isConsentryError(e, 'API_KEY_INVALID_INPUT')) return listPage(request, reply, e.message);
      throw e;
    }
  });

  app.post<Params>('/api-keys/:id/revoke', ADMIN, async (request, reply) => {
    const k = await keys.revoke(actorOf(request), request.params.id);
    return redirectWithFlash(reply, ctx, '/api-keys', 'ok', `Revoked “${k.name}”.`);
  });
}

function deliveryTable(
  request: import('fastify').FastifyRequest,
  reply: import('fastify').FastifyReply,
  ctx: ConsoleContext,
  deliveries: WebhookDelivery[],
): SafeHtml {
  if (deliveries.length === 0) return html`<div class="empty">No deliveries yet.</div>`;
  const rows = deliveries.map(
    (d) => html`<tr><td>${formatTime(d.createdAt)}</td><td><code>${d.eventType}</code></td>
      <td class="${d.status === 'delivered' ? 'status-active' : d.status === 'failed' ? 'status-revoked' : 'status-needs_reauth'}">${d.status}</td>
      <td>${d.attempts}</td><td>${d.lastStatus ?? '—'}</td><td>${d.lastError ?? ''}</td>
      <td>${d.status === 'pending' ? formatTime(d.nextAttemptAt) : formatTime(d.deliveredAt)}</td>
      <td><code>${d.eventId}</code></td>
      <td>${d.status === 'failed' ? actionButton(request, reply, ctx, `/webhooks/deliveries/${d.id}/retry`, 'Retry', { secondary: true }) : ''}</td></tr>`,
  );
  return html`<div class="table-wrap"><table><thead><tr><th>Queued</th><th>Event</th><th>Status</th><th>Attempts</th><th>HTTP</th><th>Last error</th><th>Delivered / next try</th><th>Event id</th><th></th></tr></thead><tbody>${rows}</tbody></table></div>`;
}

function webhookPages(app: FastifyInstance, ctx: ConsoleContext, webhooks: WebhookService): void {
  const listPage = async (
    request: import('fastify').FastifyRequest,
    reply: import('fastify').FastifyReply,
    error?: string,
  ) => {
    const actor = actorOf(request);
    const [endpoints, deliveries] = await Promise.all([
      webhooks.list(actor),
      webhooks.deliveries(actor, { limit: 50 }),
    ]);
    const rows = endpoints.map(
      (
        e,
      ) => html`<tr><td><a href="/webhooks/${e.id}">${e.url}</a>${e.description ? html`<br><span class="muted">${e.description}</span>` : ''}</td>
        <td>${e.eventTypes.join(' ')}</td><td class="${e.enabled ? 'status-active' : 'status-revoked'}">${e.enabled ? 'Enabled' : 'Disabled'}</td>
        <td>${actionButton(request, reply, ctx, `/webhooks/${e.id}/${e.enabled ? 'disable' : 'enable'}`, e.enabled ? 'Disable' : 'Enable', { secondary: true })}
        ${actionButton(request, reply, ctx, `/webhooks/${e.id}/delete`, 'Remove', { danger: true, confirm: `Remove ${e.url} and its delivery log?` })}</td></tr>`,
    );
    const body = html`<h1>Webhooks</h1>
      <p>Connection events, signed (<code>Consentry-Signature: t=…,v1=…</code>, HMAC-SHA256), delivered from a durable outbox with retries.</p>
      ${error ? html`<div class="flash error" role="alert">${error}</div>` : ''}
      ${endpoints.length ? html`<div class="table-wrap"><table><thead><tr><th>Endpoint</th><th>Events</th><th>Status</th><th>Actions</th></tr></thead><tbody>${rows}</tbody></table></div>` : html`<div class="empty">No endpoints yet.</div>`}
      <form method="post" action="/webhooks" class="card"><h2>Add an endpoint</h2>${csrfField(request, reply, ctx)}
        <label for="w-url">URL (https; http only for localhost)</label><input id="w-url" name="url" type="url" required>
        <label for="w-desc">Description</label><input id="w-desc" name="description" maxlength="200">
        <fieldset><legend>Events (none ticked = all)</legend>${ALL_WEBHOOK_TYPES.map((t) => html`<label><input type="checkbox" name="event" value="${t}"> <code>${t}</code></label><br>`)}</fieldset>
        <p><button type="submit">Add endpoint</button></p></form>
      <h2>Delivery log</h2>${deliveryTable(request, reply, ctx, deliveries)}`;
    return renderPage(request, reply, ctx, {
      title: 'Webhooks',
      body,
      active: '/webhooks',
      status: error ? 400 : 200,
    });
  };

  app.get('/webhooks', ADMIN, async (request, reply) => listPage(request, reply));

  app.post('/webhooks', ADMIN, async (request, reply) => {
    try {
      const { endpoint, secret } = await webhooks.create(actorOf(request), {
        url: fieldOf(request.body, 'url'),
        description: fieldOf(request.body, 'description'),
        eventTypes: valuesOf(request.body, 'event'),
      });
      const body = html`${oncePage('Webhook endpoint added', 'Signing secret', secret, html`an encrypted copy to sign with`)}
        <p>Endpoint <code>${endpoint.url}</code> · events <code>${endpoint.eventTypes.join(' ')}</code></p>
        <p><a class="button secondary" href="/webhooks">Back to webhooks</a></p>`;
      return renderPage(request, reply, ctx, { title: 'Webhook added', body, active: '/webhooks' });
    } catch (e) {
      if (isConsentryError(e, 'WEBHOOK_ENDPOINT_INVALID')) return listPage(request, reply, e.message);
      throw e;
    }
  });

  app.get<Params>('/webhooks/:id', ADMIN, async (request, reply) => {
    const actor = actorOf(request);
    const e = await webhooks.get(actor, request.params.id);
    const deliveries = await webhooks.deliveries(actor, { endpointId: e.id, limit: 200 });
    const body = html`<p class="crumbs"><a href="/webhooks">Webhooks</a> ›</p><h1>${e.url}</h1>
      <p class="muted">Events <code>${e.eventTypes.join(' ')}</code> · ${e.enabled ? 'enabled' : 'disabled'} · id <code>${e.id}</code></p>
      <h2>Delivery log</h2>${deliveryTable(request, reply, ctx, deliveries)}`;
    return renderPage(request, reply, ctx, { title: 'Webhook endpoint', body, active: '/webhooks' });
  });

  for (const [action, enabled] of [
    ['enable', true],
    ['disable', false],
  ] as const)
    app.post<Params>(`/webhooks/:id/${action}`, ADMIN, async (request, reply) => {
      await webhooks.setEnabled(actorOf(request), request.params.id, enabled);
      return redirectWithFlash(
        reply,
        ctx,
        '/webhooks',
        'ok',
        enabled ? 'Endpoint enabled.' : 'Endpoint disabled.',
      );
    });

  app.post<Params>('/webhooks/:id/delete', ADMIN, async (request, reply) => {
    await webhooks.delete(actorOf(request), request.params.id);
    return redirectWithFlash(reply, ctx, '/webhooks', 'ok', 'Endpoint removed.');
  });

  app.post<Params>('/webhooks/deliveries/:id/retry', ADMIN, async (request, reply) => {
    const ok = await webhooks.retry(actorOf(request), request.params.id);
    return redirectWithFlash(
      reply,
      ctx,
      '/webhooks',
      ok ? 'ok' : 'warn',
      ok ? 'Queued again.' : 'That delivery is not failed.',
    );
  });
}
