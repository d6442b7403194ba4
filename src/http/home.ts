import type { FastifyInstance } from 'fastify';
import type { ProviderRegistry } from '../catalog/registry.ts';
import type { OAuth2Client } from '../core/oauth2-client.ts';
import type { Connection } from '../domain/connection.ts';
import type { Store } from '../storage/ports.ts';
import { html, layout } from './html.ts';
import { csrfToken, type SessionSettings, sessionId } from './session.ts';

/**
 * The minimal home page: registered clients with "Add (Auth Code)", and every connection with
 * provider, account, granted scopes, expiry and status. The full console is its own face.
 */
export const HOME_PURPOSE = 'console';

export function homeRoutes(
  app: FastifyInstance,
  deps: { client: OAuth2Client; store: Store; providers: ProviderRegistry; session: SessionSettings },
): void {
  app.get('/', { config: { permission: 'public' } }, async (request, reply) => {
    const sid = sessionId(request, reply, deps.session);
    const csrf = csrfToken(sid, deps.session);
    const clients = await deps.store.clients.list();
    const connections = await deps.store.connections.list();
    const q = request.query as Record<string, string | undefined>;
    const flash =
      q.oauth === 'connected'
        ? html`<div class="flash ok" role="status">Connected. The new connection is listed below.</div>`
        : q.oauth === 'cancelled'
          ? html`<div class="flash warn" role="status">The connection was cancelled${q.oauth_error ? html` (the provider said <code>${q.oauth_error}</code>)` : ''}. Nothing was stored.</div>`
          : undefined;
    const clientRows = clients.map((c) => {
      const p = deps.providers.has(c.providerKey) ? deps.providers.get(c.providerKey) : undefined;
      return html`<tr><td>${p?.displayName ?? c.providerKey}</td><td>${c.name}</td><td class="mono">${c.clientId}</td>
        <td><a class="button" href="/connect/${encodeURIComponent(c.id)}?_csrf=${encodeURIComponent(csrf)}">Add (Auth Code)</a></td></tr>`;
    });
    const body = html`<h1>OAuth connections</h1>
      <p class="muted">Redirect URL for every provider: <code>${deps.client.redirectUri}</code></p>
      <h2>Registered clients</h2>
      ${
        clients.length
          ? html`<div class="table-wrap"><table><thead><tr><th>Provider</th><th>Name</th><th>Client ID</th><th></th></tr></thead><tbody>${clientRows}</tbody></table></div>`
          : html`<div class="card empty">No clients registered yet.</div>`
      }
      <h2>Connections</h2>
      ${connections.length ? connectionTable(connections, deps.providers) : html`<div class="card empty">No connections yet — use “Add (Auth Code)” above.</div>`}`;
    return reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(layout('Connections', body, { ...(flash ? { flash } : {}) }));
  });
}

function connectionTable(connections: Connection[], providers: ProviderRegistry) {
  const rows = connections.map(
    (
      c,
    ) => html`<tr data-connection="${c.id}"><td>${providers.has(c.providerKey) ? providers.get(c.providerKey).displayName : c.providerKey}</td>
      <td>${c.account ?? '—'}</td><td>${c.purpose}</td><td class="mono">${c.scopes.join(' ')}</td>
      <td>${c.expiresAt ? html`<time datetime="${c.expiresAt.toISOString()}">${c.expiresAt.toISOString().replace('T', ' ').slice(0, 19)} UTC</time>` : 'does not expire'}</td>
      <td class="status-${c.status}">${c.status}${c.statusReason ? html`<br><span class="muted">${c.statusReason}</span>` : ''}</td></tr>`,
  );
  return html`<div class="table-wrap"><table><thead><tr><th>Provider</th><th>Account</th><th>Purpose</th><th>Granted scopes</th><th>Expires</th><th>Status</th></tr></thead><tbody>${rows}</tbody></table></div>`;
}
