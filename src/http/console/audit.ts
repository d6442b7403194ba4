import type { FastifyInstance } from 'fastify';
import { AUDIT_ACTIONS } from '../../domain/audit.ts';
import { html } from '../html.ts';
import { type ConsoleContext, formatTime, renderPage } from './context.ts';

/**
 * The audit trail page (issue 10): newest first, filtered by action, actor and date, 100 rows a
 * page with "Older" paging by sequence number, and the chain's verification result on top.
 *
 * Permission: `manage_users`. The trail names every console user, what they did and from which
 * address — a record about people, which is what the user managers already oversee (docs/audit.md).
 */
const PAGE = 100;

export function auditPages(app: FastifyInstance, ctx: ConsoleContext): void {
  app.get('/audit', { config: { permission: 'manage_users' } }, async (request, reply) => {
    const q = request.query as Record<string, string | undefined>;
    const action = q.action?.trim().slice(0, 64) || undefined;
    const actor = q.actor?.trim().slice(0, 254) || undefined;
    const from = dayOf(q.from);
    const toDay = dayOf(q.to);
    const to = toDay && new Date(toDay.getTime() + 86_400_000);
    const before = q.before && /^\d{1,15}$/.test(q.before) ? Number(q.before) : undefined;
    const audit = ctx.services.audit;
    const [events, verification] = await Promise.all([
      audit.list({ action, actor, from, to, beforeSeq: before, limit: PAGE }),
      audit.verify(),
    ]);
    const keep = new URLSearchParams(
      Object.entries({ action, actor, from: q.from, to: q.to }).filter((e): e is [string, string] => !!e[1]),
    );
    const older = events.length === PAGE ? events[events.length - 1]!.seq : undefined;
    if (older !== undefined) keep.set('before', String(older));
    const body = html`<h1>Audit trail</h1>
      ${
        verification.ok
          ? html`<p class="flash ok" role="status">Chain intact: ${verification.checked} event(s), head <code>${verification.head.hash.slice(0, 16)}…</code></p>`
          : html`<p class="flash error" role="alert">The trail was altered at event ${verification.problem!.seq}: ${verification.problem!.message}. Run <code>consentry audit verify</code>.</p>`
      }
      <form class="search" method="get" action="/audit">
        <label for="action">Action</label>
        <select id="action" name="action"><option value="">all</option>${AUDIT_ACTIONS.map((a) => html`<option${action === a ? html` selected` : ''}>${a}</option>`)}</select>
        <label for="actor">Actor</label><input id="actor" name="actor" value="${actor ?? ''}" placeholder="email or user@host">
        <label for="from">From</label><input id="from" name="from" type="date" value="${from ? q.from : ''}">
        <label for="to">To</label><input id="to" name="to" type="date" value="${toDay ? q.to : ''}">
        <button type="submit" class="secondary">Filter</button>
      </form>
      ${
        events.length
          ? html`<div class="table-wrap"><table><thead><tr><th>#</th><th>When</th><th>Action</th><th>Who</th><th>From</th><th>Target</th><th>Details</th></tr></thead><tbody>
            ${events.map(
              (
                e,
              ) => html`<tr data-seq="${String(e.seq)}"><td>${String(e.seq)}</td><td>${formatTime(e.at)}</td><td><code>${e.action}</code></td>
              <td>${e.actor.label} <span class="muted">(${e.actor.kind})</span></td><td>${e.actor.address ?? '—'}</td>
              <td>${e.target ? html`${e.target.type} <code>${e.target.id}</code>` : '—'}</td>
              <td class="small">${Object.entries(e.details).map(([k, v]) => html`${k}: ${String(v)}<br>`)}</td></tr>`,
            )}</tbody></table></div>
            ${older !== undefined ? html`<p><a class="button secondary" href="/audit?${keep.toString()}">Older</a></p>` : ''}`
          : html`<p class="muted">No events match.</p>`
      }`;
    return renderPage(request, reply, ctx, { title: 'Audit trail', body, active: '/audit' });
  });
}

/** A `YYYY-MM-DD` filter as the UTC day's start; anything else is ignored. */
function dayOf(value: string | undefined): Date | undefined {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const d = new Date(`${value}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? undefined : d;
}
