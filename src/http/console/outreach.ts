import type { FastifyInstance } from 'fastify';
import type { ReconnectOutreach } from '../../core/reconnect-outreach.ts';
import { isConsentryError } from '../../domain/errors.ts';
import { html } from '../html.ts';
import {
  actorOf,
  type ConsoleContext,
  csrfField,
  formatTime,
  formOf,
  redirectWithFlash,
  renderPage,
} from './context.ts';
import type { ConsolePageModule } from './pages.ts';

/**
 * Reconnect outreach in the console (issue 11): every link sent to end users, newest first, with
 * its state (pending, used, completed — the connection is active again —, expired, failed), and a
 * form to send one for a connection that needs reauthorization (by email, or as a link to copy).
 */
export function outreachConsolePages(outreach: ReconnectOutreach): ConsolePageModule {
  return {
    nav: [{ href: '/outreach', label: 'Reconnect links', permission: 'connect_accounts' }],
    register: (app: FastifyInstance, ctx: ConsoleContext) => {
      const ACCESS = { config: { permission: 'connect_accounts' } };
      app.get('/outreach', ACCESS, async (request, reply) => {
        const q = request.query as Record<string, string | undefined>;
        const list = await outreach.list();
        const rows = list.map(
          (o) => html`<tr data-outreach="${o.id.slice(0, 8)}">
            <td><a href="/connections/${o.connectionRef}/inspect" class="mono">${o.connectionRef.slice(0, 8)}</a></td>
            <td>${o.providerKey ?? '—'}</td><td>${o.account ?? '—'}</td><td>${o.purpose ?? '—'}</td>
            <td>${o.channel === 'email' ? (o.recipient ?? '') : 'link'}</td>
            <td>${formatTime(o.createdAt)}</td><td>${formatTime(o.expiresAt)}</td>
            <td><span class="status status-${o.state}">${o.state}</span>${o.lastError ? html`<br><span class="muted small">${o.lastError}</span>` : ''}${o.usedAt ? html`<br><span class="muted small">used ${formatTime(o.usedAt)}</span>` : ''}</td></tr>`,
        );
        const body = html`<h1>Reconnect links</h1>
          <p class="muted">Signed, single-use links that bring a connection needing reauthorization back — the same connection id, purpose and payload.</p>
          <form method="post" action="/outreach" class="card">${csrfField(request, reply, ctx)}
            <label for="connection">Connection id</label><input id="connection" name="connection" required value="${q.connection ?? ''}">
            <label for="email">Email the link to (empty: show the link to copy)</label><input id="email" name="email" type="email">
            <button type="submit">Create reconnect link</button></form>
          ${
            list.length
              ? html`<div class="table-wrap"><table class="outreach"><thead><tr><th>Connection</th><th>Provider</th><th>Account</th><th>Purpose</th><th>Sent to</th><th>Created</th><th>Expires</th><th>State</th></tr></thead><tbody>${rows}</tbody></table></div>`
              : html`<div class="card empty">No reconnect links yet.</div>`
          }`;
        return renderPage(request, reply, ctx, { title: 'Reconnect links', body, active: '/outreach' });
      });
      app.post('/outreach', ACCESS, async (request, reply) => {
        const form = formOf(request);
        try {
          const connection = await ctx.services.oauth.getConnection(
            actorOf(request),
            (form.connection ?? '').trim(),
          );
          const email = form.email?.trim() || undefined;
          const link = await outreach.send(connection.id, email ? { email } : {});
          const text =
            link.channel === 'email'
              ? link.sent
                ? `Reconnect link emailed to ${email}.`
                : `The link was created but not emailed: ${link.error}.`
              : `Reconnect link (single use, until ${link.expiresAt.toISOString().slice(0, 16)} UTC): ${link.url}`;
          return redirectWithFlash(reply, ctx, '/outreach', link.sent === false ? 'warn' : 'ok', text);
        } catch (e) {
          if (!isConsentryError(e) || e.code === 'INTERNAL') throw e;
          return redirectWithFlash(reply, ctx, '/outreach', 'error', e.message);
        }
      });
    },
  };
}
