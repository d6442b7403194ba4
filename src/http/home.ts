import type { FastifyInstance } from 'fastify';
import { supportsConsent } from '../catalog/provider.ts';
import type { ProviderRegistry } from '../catalog/registry.ts';
import { CONSOLE_PURPOSE } from '../console/consumer.ts';
import { connectionTable } from './console/connection-table.ts';
import { actorOf, type ConsoleContext, csrfOf, renderPage, userCan } from './console/context.ts';
import { html } from './html.ts';

/**
 * The console's home page (the dashboard): registered clients with "Add (Auth Code)" (for
 * providers a person consents at; client-credentials-only ones have no such action), and every
 * connection the user may see with provider, account, granted scopes, expiry and status.
 */
export const HOME_PURPOSE = CONSOLE_PURPOSE;

export function homeRoutes(app: FastifyInstance, ctx: ConsoleContext, providers: ProviderRegistry): void {
  app.get('/', { config: { permission: 'signed_in' } }, async (request, reply) => {
    const actor = actorOf(request);
    const csrf = csrfOf(request, reply, ctx);
    const clients = await ctx.services.oauth.listClients(actor);
    const connections = await ctx.services.oauth.listConnections(actor);
    const canConnect = userCan(request, 'connect_accounts');
    const canAdmin = userCan(request, 'administer_oauth');
    const clientRows = clients.map((c) => {
      const p = providers.has(c.providerKey) ? providers.get(c.providerKey) : undefined;
      const count = connections.filter((x) => x.clientRef === c.id).length;
      return html`<tr data-client="${c.id}"><td>${p?.displayName ?? c.providerKey}</td><td>${c.name}</td><td class="mono">${c.clientId}</td>
        <td><a href="/clients/${c.id}/connections">${count} connection${count === 1 ? '' : 's'}</a></td>
        <td class="actions">${canConnect && (!p || supportsConsent(p)) ? html`<a class="button" href="/connect/${encodeURIComponent(c.id)}?return=%2F&amp;_csrf=${encodeURIComponent(csrf)}">Add (Auth Code)</a>` : ''}
        ${canAdmin ? html`<a class="button secondary" href="/clients/${c.id}">Settings</a>` : ''}</td></tr>`;
    });
    const body = html`<h1>OAuth connections</h1>
      <p class="muted">Redirect URL for every provider: <code>${ctx.services.oauth.redirectUri}</code></p>
      <h2>Registered clients</h2>
      ${
        clients.length
          ? html`<div class="table-wrap"><table><thead><tr><th>Provider</th><th>Name</th><th>Client ID</th><th>Connections</th><th><span class="sr-only">Actions</span></th></tr></thead><tbody>${clientRows}</tbody></table></div>`
          : html`<div class="card empty">No clients registered yet${canAdmin ? html` — <a href="/providers">pick a provider</a> and register one.` : '.'}</div>`
      }
      ${canAdmin ? html`<p><a class="button secondary" href="/providers">Register another client</a></p>` : ''}
      <h2>Connections</h2>
      ${
        connections.length
          ? connectionTable(request, reply, ctx, providers, connections, { returnTo: '/' })
          : html`<div class="card empty">No connections yet — use “Add (Auth Code)” above.</div>`
      }`;
    return renderPage(request, reply, ctx, { title: 'Connections', body, active: '/' });
  });
}
