import type { FastifyInstance } from 'fastify';
import { supportsConsent } from '../../catalog/provider.ts';
import type { ProviderRegistry } from '../../catalog/registry.ts';
import { describeHealth } from '../../domain/connection-health.ts';
import { isConsentryError } from '../../domain/errors.ts';
import { assertSameSitePath } from '../../domain/safe-path.ts';
import { serviceAccountOf } from '../../protocol/service-account.ts';
import { html } from '../html.ts';
import { connectionTable } from './connection-table.ts';
import {
  actorOf,
  type ConsoleContext,
  csrfOf,
  formatTime,
  redirectWithFlash,
  renderPage,
  userCan,
} from './context.ts';
import { type ConnectionStatus, isConnectionStatus } from './status.ts';

/**
 * Connections per client, the per-row actions (Refresh now, Revoke, Delete) and Inspect
 * (manage-secrets only, `Cache-Control: no-store`, the JWT decoded and marked NOT VERIFIED).
 */
export function connectionPages(
  app: FastifyInstance,
  ctx: ConsoleContext,
  providers: ProviderRegistry,
): void {
  app.get('/clients/:id/connections', { config: { permission: 'signed_in' } }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const q = request.query as Record<string, string | undefined>;
    const actor = actorOf(request);
    const client = await ctx.services.oauth.getClient(actor, id);
    if (serviceAccountOf(client)) return reply.redirect(`/clients/${client.id}/service-account`, 303);
    const provider = providers.get(client.providerKey);
    const status: ConnectionStatus | undefined = isConnectionStatus(q.status) ? q.status : undefined;
    const connections = await ctx.services.oauth.listConnections(actor, {
      clientRef: id,
      ...(status ? { status } : {}),
    });
    const csrf = csrfOf(request, reply, ctx);
    // A client-credentials-only provider has no consent to start (no authorization endpoint).
    const consent = supportsConsent(provider);
    const addLink =
      consent && userCan(request, 'connect_accounts')
        ? html`<a class="button" href="/connect/${client.id}?_csrf=${encodeURIComponent(csrf)}">Add (Auth Code)</a>`
        : '';
    const presets = Object.keys(provider.presets);
    const body = html`<p class="crumbs"><a href="/">Dashboard</a> ›</p>
      <h1>${client.name} <span class="muted">· ${provider.displayName}</span></h1>
      <div class="toolbar">${addLink}
        ${
          consent && userCan(request, 'connect_accounts') && presets.length > 1
            ? html`<span class="muted">or with a preset:</span> ${presets.map((p) => html`<a class="button secondary" href="/connect/${client.id}?preset=${encodeURIComponent(p)}&amp;_csrf=${encodeURIComponent(csrf)}">${p}</a> `)}`
            : ''
        }
        ${userCan(request, 'administer_oauth') ? html`<a class="button secondary" href="/clients/${client.id}">Client settings</a>` : ''}
      </div>
      <p class="muted">Client ID <code>${client.clientId || '(registered on first use)'}</code>${client.hasClientSecret ? ' · secret saved (encrypted)' : ''}</p>
      ${client.refusal ? html`<div class="flash error" role="alert" id="client-refused"><strong>client_invalid</strong> — ${describeHealth(client.refusal)} Refreshes of every connection of this client are paused until the client is updated.</div>` : ''}
      ${client.pausedUntil && client.pausedUntil > new Date() && client.pause ? html`<div class="flash warn" role="status" id="client-paused"><strong>rate_limited</strong> — ${describeHealth(client.pause)} Refreshes resume at ${formatTime(client.pausedUntil)}.</div>` : ''}
      <form class="search" method="get" action="/clients/${client.id}/connections">
        <label for="status">Status</label>
        <select id="status" name="status"><option value="">all</option>${(['active', 'needs_reauth', 'revoked'] as const).map((s) => html`<option${status === s ? html` selected` : ''}>${s}</option>`)}</select>
        <button type="submit" class="secondary">Filter</button>
      </form>
      ${
        connections.length
          ? connectionTable(request, reply, ctx, providers, connections, {
              returnTo: `/clients/${client.id}/connections`,
            })
          : html`<div class="card empty">No connections yet${addLink ? html` — ${addLink}` : ''}</div>`
      }`;
    return renderPage(request, reply, ctx, { title: `${client.name} connections`, body });
  });

  const action = (path: string, run: (id: string, actor: ReturnType<typeof actorOf>) => Promise<string>) =>
    app.post(
      `/connections/:id/${path}`,
      { config: { permission: 'connect_accounts' } },
      async (request, reply) => {
        const { id } = request.params as { id: string };
        let back = '/';
        try {
          back = assertSameSitePath((request.query as Record<string, string | undefined>).return ?? '/');
        } catch {
          back = '/';
        }
        try {
          const message = await run(id, actorOf(request));
          return redirectWithFlash(reply, ctx, back, 'ok', message);
        } catch (e) {
          // Catalogue messages are safe to show (no secrets); anything else goes to the error page.
          if (!isConsentryError(e) || e.code === 'INTERNAL') throw e;
          request.log.warn({ code: e.code, facts: e.facts }, `connection ${path} failed`);
          return redirectWithFlash(
            reply,
            ctx,
            back,
            'error',
            `${path[0]!.toUpperCase()}${path.slice(1)} failed: ${e.message}`,
          );
        }
      },
    );

  action('refresh', async (id, actor) => {
    const c = await ctx.services.oauth.refreshConnection(actor, id);
    return `Refreshed. The new access token expires ${c.expiresAt ? `${c.expiresAt.toISOString().replace('T', ' ').slice(0, 19)} UTC` : 'never'}.`;
  });
  // A connection without a user (service account, client credentials) after its cause was fixed.
  action('regrant', async (id, actor) => {
    await ctx.services.oauth.getConnection(actor, id);
    const c = await ctx.deps.client.regrant(id);
    return `Requested a new token: it expires ${c.expiresAt ? `${c.expiresAt.toISOString().replace('T', ' ').slice(0, 19)} UTC` : 'never'}.`;
  });
  action('revoke', async (id, actor) => {
    const r = await ctx.services.oauth.revokeConnection(actor, id);
    return r.atProvider
      ? 'Revoked at the provider and marked revoked here.'
      : 'Marked revoked here (the provider offers no revocation endpoint; remove the grant in its account settings).';
  });
  action('delete', async (id, actor) => {
    await ctx.services.oauth.deleteConnection(actor, id);
    return 'Deleted the connection.';
  });

  app.get(
    '/connections/:id/inspect',
    { config: { permission: 'manage_secrets' } },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      const i = await ctx.services.oauth.inspectConnection(actorOf(request), id);
      const c = await ctx.services.oauth.getConnection(actorOf(request), id);
      const json = (v: unknown) => JSON.stringify(v, null, 2);
      const body = html`<p class="crumbs"><a href="/">Dashboard</a> › <a href="/clients/${c.clientRef}/connections">connections</a> ›</p>
      <h1>Inspect connection</h1>
      <p class="muted">${c.account ?? c.subject ?? c.id} · ${c.providerKey} · <span class="status status-${c.status}">${c.status}</span> · expires ${formatTime(i.expiresAt, 'never')}</p>
      <div class="flash warn" role="note">This page shows a live credential. It is not cached (no-store); do not paste it anywhere you would not paste a password.</div>
      <h2>Access token <span class="muted small">(${i.tokenType})</span></h2>
      <pre class="secret" id="access-token">${i.accessToken}</pre>
      ${
        i.jwt
          ? html`<h2>JWT header <span class="badge warn">decoded, NOT VERIFIED</span></h2><pre id="jwt-header">${json(i.jwt.header)}</pre>
        <h2>JWT claims <span class="badge warn">decoded, NOT VERIFIED</span></h2><pre id="jwt-claims">${json(i.jwt.claims)}</pre>`
          : html`<p class="muted">The access token is opaque (not a JWT): there are no claims to decode.</p>`
      }
      ${i.idTokenClaims ? html`<h2>ID token claims <span class="badge">verified when the connection was made</span></h2><pre id="id-token-claims">${json(i.idTokenClaims)}</pre>` : ''}
      <p class="muted">Granted scopes: <code>${i.scopes.join(' ') || '—'}</code></p>`;
      return renderPage(request, reply, ctx, { title: 'Inspect connection', body });
    },
  );
}
