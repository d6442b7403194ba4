import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ProviderRegistry } from '../../catalog/registry.ts';
import type { Connection } from '../../domain/connection.ts';
import { describeHealth } from '../../domain/connection-health.ts';
import { html, type SafeHtml } from '../html.ts';
import { actionButton, type ConsoleContext, csrfOf, formatTime, userCan } from './context.ts';

/**
 * The connections table (CiviCRM's token list): account, purpose, granted scopes, expiry, last
 * refresh, status with its reason, and the actions the user may take on each row.
 */
export function connectionTable(
  request: FastifyRequest,
  reply: FastifyReply,
  ctx: ConsoleContext,
  providers: ProviderRegistry,
  connections: Connection[],
  options: { returnTo: string },
): SafeHtml {
  const canAct = userCan(request, 'connect_accounts');
  const canInspect = userCan(request, 'manage_secrets');
  const csrf = csrfOf(request, reply, ctx);
  const rows = connections.map((c) => {
    const provider = providers.has(c.providerKey) ? providers.get(c.providerKey).displayName : c.providerKey;
    const back = `?return=${encodeURIComponent(options.returnTo)}`;
    const withoutUser = c.grantType !== undefined && c.grantType !== 'authorization_code';
    const actions = canAct
      ? html`${c.status !== 'revoked' ? actionButton(request, reply, ctx, `/connections/${c.id}/refresh${back}`, 'Refresh now', { secondary: true }) : ''}
        ${
          withoutUser
            ? // No person to send back to the provider: the grant runs again (service account, client credentials).
              c.status !== 'active'
              ? actionButton(
                  request,
                  reply,
                  ctx,
                  `/connections/${c.id}/regrant${back}`,
                  'Request a new token',
                  { secondary: true },
                )
              : ''
            : html`${c.status !== 'active' ? html`<a class="button secondary" href="/connections/${c.id}/reconnect?_csrf=${encodeURIComponent(csrf)}">Reconnect</a>` : ''}
        ${c.status === 'needs_reauth' ? html`<a class="button secondary" href="/outreach?connection=${c.id}">Send reconnect link</a>` : ''}`
        }
        ${c.status !== 'revoked' ? actionButton(request, reply, ctx, `/connections/${c.id}/revoke${back}`, 'Revoke', { secondary: true, confirm: 'Revoke this connection at the provider?' }) : ''}
        ${actionButton(request, reply, ctx, `/connections/${c.id}/delete${back}`, 'Delete', { danger: true, confirm: 'Delete this connection from Consentry?' })}
        ${canInspect ? html`<a class="button secondary" href="/connections/${c.id}/inspect">Inspect</a>` : ''}`
      : '';
    return html`<tr data-connection="${c.id}">
      <td>${provider}</td>
      <td>${c.account ?? '—'}</td>
      <td>${c.purpose}</td>
      <td class="mono">${c.scopes.length ? html`<span class="scopes">${c.scopes.map((s, i) => html`${i ? ' ' : ''}<span>${s}</span>`)}</span>` : '—'}</td>
      <td>${c.expiresAt ? formatTime(c.expiresAt) : 'does not expire'}</td>
      <td>${formatTime(c.lastRefreshAt, 'never')}</td>
      <td><span class="status status-${c.status}">${c.status}</span>${c.health ? html` <span class="badge warn" data-cause="${c.health.cause}">${c.health.cause}</span>` : ''}${c.health ? html`<br><span class="muted small">${describeHealth(c.health)}</span>${c.health.evidence.docs ? html` <a class="small" href="${c.health.evidence.docs}" rel="noreferrer">provider docs</a>` : ''}` : c.statusReason ? html`<br><span class="muted small">${c.statusReason}</span>` : ''}${c.lastError && c.status === 'active' && !c.health ? html`<br><span class="muted small">last error: ${c.lastError}</span>` : ''}</td>
      <td class="actions">${actions}</td></tr>`;
  });
  return html`<div class="table-wrap"><table class="connections"><thead><tr><th>Provider</th><th>Account</th><th>Purpose</th><th>Granted scopes</th><th>Expires</th><th>Last refresh</th><th>Status</th><th><span class="sr-only">Actions</span></th></tr></thead><tbody>${rows}</tbody></table></div>`;
}
