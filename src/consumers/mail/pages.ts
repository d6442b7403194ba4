import type { FastifyReply, FastifyRequest } from 'fastify';
import { ConsentryError, isConsentryError } from '../../domain/errors.ts';
import {
  actionButton,
  actorOf,
  type ConsoleContext,
  csrfField,
  csrfOf,
  formatTime,
  formOf,
  redirectWithFlash,
  renderPage,
} from '../../http/console/context.ts';
import type { ConsolePageModule } from '../../http/console/pages.ts';
import { html, type SafeHtml } from '../../http/html.ts';
import { flowSession } from '../../http/session.ts';
import { mailAccountPath } from './mail-consumer.ts';
import type { MailService } from './mail-service.ts';
import type { Mailbox, MailboxHealth, MailSecurity, MailServer, MessageSummary } from './mailbox.ts';

/**
 * The mailboxes pages of the console (Group-Office's email accounts with a "Refresh token"
 * button): list accounts with their connection's health, add one (choosing the provider fills the
 * servers), Connect / Reconnect, send a test message, list the newest messages of the inbox.
 *
 * Every call passes the signed-in user as the actor: a user sees and acts on the mailboxes they
 * added; `administer_oauth` sees all of them (the list says so and names each owner).
 */
export function mailPageModule(mail: () => MailService): ConsolePageModule {
  return {
    nav: [{ href: '/mail', label: 'Mailboxes', permission: 'connect_accounts' }],
    register(app, ctx) {
      const perm = { config: { permission: 'connect_accounts' } };

      app.get('/mail', perm, async (request, reply) => listPage(request, reply, ctx, mail()));

      app.post('/mail', perm, async (request, reply) => {
        const f = formOf(request);
        try {
          const account = await mail().createAccount(
            {
              clientRef: f.client ?? '',
              address: f.address,
              displayName: f.name,
              imap: serverOf(f, 'imap'),
              smtp: serverOf(f, 'smtp'),
              // Issue 16: app-only access (administrators; the service checks).
              access: f.access === 'application' ? 'application' : 'user',
            },
            actorOf(request),
          );
          return redirectWithFlash(
            reply,
            ctx,
            mailAccountPath(account.id),
            'ok',
            f.access === 'application'
              ? 'Mailbox added with application access: the application’s token acts as this address.'
              : 'Mailbox added. Connect it to authorize IMAP and SMTP.',
          );
        } catch (e) {
          if (!isConsentryError(e) || e.status >= 500) throw e;
          return redirectWithFlash(reply, ctx, '/mail', 'error', e.message);
        }
      });

      app.get('/mail/:id', perm, async (request, reply) =>
        accountPage(request, reply, ctx, mail(), (request.params as { id: string }).id),
      );

      // A link, not a form: the redirect goes to the provider (see http/connect.ts).
      app.get('/mail/:id/connect', perm, async (request, reply) => {
        const { id } = request.params as { id: string };
        const q = request.query as Record<string, string | undefined>;
        if (q._csrf !== csrfOf(request, reply, ctx)) {
          throw new ConsentryError('BAD_REQUEST', {
            detail: 'The link’s security token is invalid; go back and try again.',
          });
        }
        // A Google service account needs no consent: connect now (domain-wide delegation).
        const m = await mail().get(id, actorOf(request));
        if (await mail().isServiceAccount(m)) {
          try {
            await mail().connectServiceAccount(id, actorOf(request));
          } catch (e) {
            if (!isConsentryError(e) || e.code === 'INTERNAL') throw e;
            return redirectWithFlash(reply, ctx, mailAccountPath(id), 'error', e.message);
          }
          return reply.redirect(`${mailAccountPath(id)}?oauth=connected`, 303);
        }
        const url = await mail().beginConnect(
          id,
          { session: flowSession(request, reply, ctx.session), returnUrl: mailAccountPath(id) },
          actorOf(request),
        );
        return reply.header('cache-control', 'no-store').redirect(url, 303);
      });

      // App-only mailboxes: request the application token again (no person to send to the provider).
      app.post('/mail/:id/renew', perm, async (request, reply) => {
        const { id } = request.params as { id: string };
        try {
          await mail().renewApplicationAccess(id, actorOf(request));
          return redirectWithFlash(
            reply,
            ctx,
            mailAccountPath(id),
            'ok',
            'Requested a new application token.',
          );
        } catch (e) {
          if (!isConsentryError(e) || e.status >= 500) throw e;
          return redirectWithFlash(reply, ctx, mailAccountPath(id), 'error', e.message);
        }
      });

      app.post('/mail/:id/send', perm, async (request, reply) => {
        const { id } = request.params as { id: string };
        const f = formOf(request);
        const to = (f.to ?? '').trim();
        await mail().get(id, actorOf(request)); // another user's mailbox: 404 before anything else
        if (!/^[^\s@<>]+@[^\s@<>]+$/.test(to)) {
          return redirectWithFlash(reply, ctx, mailAccountPath(id), 'error', 'Give one recipient address.');
        }
        try {
          const sent = await mail().send(
            id,
            {
              to,
              subject: (f.subject ?? '').slice(0, 200) || 'Consentry test message',
              text: 'This test message was sent by Consentry over SMTP with XOAUTH2.',
            },
            actorOf(request),
          );
          return redirectWithFlash(
            reply,
            ctx,
            mailAccountPath(id),
            'ok',
            `Test message sent to ${sent.accepted.join(', ') || to}.`,
          );
        } catch (e) {
          if (!isConsentryError(e) || e.code === 'MAIL_ACCOUNT_UNKNOWN') throw e;
          return redirectWithFlash(reply, ctx, mailAccountPath(id), 'error', e.message);
        }
      });

      app.post('/mail/:id/inbox', perm, async (request, reply) => {
        const { id } = request.params as { id: string };
        try {
          const messages = await mail().listNewest(id, { limit: 10 }, actorOf(request));
          return accountPage(request, reply, ctx, mail(), id, { messages });
        } catch (e) {
          if (!isConsentryError(e) || e.code === 'MAIL_ACCOUNT_UNKNOWN') throw e;
          return redirectWithFlash(reply, ctx, mailAccountPath(id), 'error', e.message);
        }
      });

      app.post('/mail/:id/delete', perm, async (request, reply) => {
        await mail().delete((request.params as { id: string }).id, actorOf(request));
        return redirectWithFlash(reply, ctx, '/mail', 'ok', 'Mailbox removed, with its connection.');
      });
    },
  };
}

function serverOf(f: Record<string, string>, kind: 'imap' | 'smtp'): MailServer | undefined {
  const host = (f[`${kind}_host`] ?? '').trim();
  if (!host) return undefined; // blank = the provider's defaults
  return {
    host,
    port: Number(f[`${kind}_port`] ?? ''),
    security: (f[`${kind}_security`] ?? 'tls') as MailSecurity,
  };
}

const server = (s: MailServer) =>
  html`<span class="mono">${s.host}:${s.port}</span> <span class="muted">(${s.security === 'tls' ? 'TLS' : s.security === 'starttls' ? 'STARTTLS' : 'no TLS, loopback'})</span>`;

function healthCell(h: MailboxHealth): SafeHtml {
  const cls =
    h.state === 'ok'
      ? 'status-active'
      : h.state === 'reconnect'
        ? 'status-needs_reauth'
        : h.state === 'error' || h.state === 'unreachable'
          ? 'status-revoked'
          : 'muted';
  return html`<span class="${cls}" data-health="${h.state}">${h.message}</span>`;
}

async function listPage(
  request: FastifyRequest,
  reply: FastifyReply,
  ctx: ConsoleContext,
  mail: MailService,
) {
  const actor = actorOf(request);
  const accounts = await mail.list(actor);
  const seesAll = mail.seesAll(actor);
  const owners = new Map((seesAll ? await ctx.services.users.list() : []).map((u) => [u.id, u.email]));
  const ownerCell = (m: Mailbox) =>
    seesAll
      ? html`<td>${m.ownerRef ? (owners.get(m.ownerRef) ?? html`<span class="muted">deleted user</span>`) : html`<span class="muted">none (CLI or platform)</span>`}</td>`
      : '';
  const clients = await ctx.deps.store.clients.list();
  const withMailPreset = clients.filter(
    (c) => ctx.deps.providers.has(c.providerKey) && ctx.deps.providers.get(c.providerKey).presets.mail,
  );
  const mailClients = withMailPreset.filter((c) => !mail.unavailableReason(c.providerKey));
  const unavailable = [
    ...new Set(withMailPreset.map((c) => mail.unavailableReason(c.providerKey)).filter(Boolean)),
  ] as string[];
  const nameOf = (ref: string) => clients.find((c) => c.id === ref)?.name ?? 'unknown client';
  const rows = await Promise.all(
    accounts.map(async (m) => {
      const h = await mail.health(m);
      return html`<tr data-mailbox="${m.id}"><td><a href="${mailAccountPath(m.id)}">${m.address || '(address set on connect)'}</a></td><td>${nameOf(m.clientRef)}</td>${ownerCell(m)}
        <td>${server(m.imap)}<br>${server(m.smtp)}</td><td>${healthCell(h)}</td>
        <td class="actions">${h.state === 'not_connected' || h.state === 'reconnect' ? connectLink(request, reply, ctx, m, h) : ''}</td></tr>`;
    }),
  );
  const options = mailClients.map((c) => {
    const d = mail.defaultsFor(c.providerKey);
    return html`<option value="${c.id}">${c.name} — ${ctx.deps.providers.get(c.providerKey).displayName}${d ? html` (IMAP ${d.imap.host}, SMTP ${d.smtp.host})` : ' (enter servers)'}</option>`;
  });
  const body = html`<h1>Mailboxes</h1>
    <p class="muted">One consent per mailbox authorizes reading its inbox over IMAP and sending over SMTP (XOAUTH2). Tokens stay sealed in Consentry and are refreshed before each use.</p>
    ${
      seesAll
        ? html`<p class="small" data-scope="all">You see every console user’s mailboxes because you may administer OAuth; other users see only the mailboxes they added.</p>`
        : html`<p class="small" data-scope="own">These are the mailboxes you added; other users’ mailboxes are not shown.</p>`
    }
    ${
      accounts.length
        ? html`<div class="table-wrap"><table><thead><tr><th>Address</th><th>Client</th>${seesAll ? html`<th>Owner</th>` : ''}<th>Servers</th><th>Health</th><th></th></tr></thead><tbody>${rows}</tbody></table></div>`
        : html`<div class="card empty">No mailboxes yet.</div>`
    }
    <h2>Add a mailbox</h2>
    ${unavailable.map((why) => html`<p class="muted small" data-unavailable>${why}</p>`)}
    ${
      mailClients.length
        ? html`<form method="post" action="/mail" class="card">${csrfField(request, reply, ctx)}
      <label for="client">Provider (registered client)</label>
      <select id="client" name="client" required>${options}</select>
      <label for="address">Email address</label>
      <input id="address" name="address" type="email" autocomplete="off" placeholder="blank: the address of the account you connect">
      <label for="name">Sender name (optional)</label>
      <input id="name" name="name" type="text">
      ${
        seesAll
          ? html`<label for="access">Access</label>
      <select id="access" name="access"><option value="user">A person connects the mailbox (delegated)</option><option value="application">The application acts as this address (app-only, client credentials — Microsoft 365)</option></select>
      <p class="small muted">App-only needs the address, a client whose provider offers application access, and the application given this mailbox at the provider.</p>`
          : ''
      }
      ${
        seesAll
          ? html`<details><summary>Server settings (blank = the provider’s)</summary>
        <label for="imap_host">IMAP host</label><input id="imap_host" name="imap_host" type="text">
        <label for="imap_port">IMAP port</label><input id="imap_port" name="imap_port" type="text" inputmode="numeric" placeholder="993">
        <label for="imap_security">IMAP security</label><select id="imap_security" name="imap_security"><option value="tls">TLS</option><option value="starttls">STARTTLS</option><option value="none">None (loopback only)</option></select>
        <label for="smtp_host">SMTP host</label><input id="smtp_host" name="smtp_host" type="text">
        <label for="smtp_port">SMTP port</label><input id="smtp_port" name="smtp_port" type="text" inputmode="numeric" placeholder="465 or 587">
        <label for="smtp_security">SMTP security</label><select id="smtp_security" name="smtp_security"><option value="tls">TLS</option><option value="starttls">STARTTLS</option><option value="none">None (loopback only)</option></select>
      </details>`
          : html`<p class="small muted">Mail servers are the provider’s; an administrator can choose others.</p>`
      }
      <p><button type="submit">Add mailbox</button></p></form>`
        : html`<div class="card empty">Register a client of a provider with a “mail” preset (Google, Microsoft) first.</div>`
    }`;
  return renderPage(request, reply, ctx, { title: 'Mailboxes', body, active: '/mail' });
}

function connectLink(
  request: FastifyRequest,
  reply: FastifyReply,
  ctx: ConsoleContext,
  m: Mailbox,
  h: MailboxHealth,
): SafeHtml {
  const href = `${mailAccountPath(m.id)}/connect?_csrf=${encodeURIComponent(csrfOf(request, reply, ctx))}`;
  return html`<a class="button" href="${href}">${h.state === 'not_connected' ? 'Connect' : 'Reconnect'}</a>`;
}

async function accountPage(
  request: FastifyRequest,
  reply: FastifyReply,
  ctx: ConsoleContext,
  mail: MailService,
  id: string,
  extra: { messages?: MessageSummary[] } = {},
) {
  const m = await mail.get(id, actorOf(request));
  const h = await mail.health(m);
  const client = await ctx.deps.store.clients.get(m.clientRef);
  const ownerUser = m.ownerRef ? await ctx.services.users.get(m.ownerRef) : undefined;
  const owner =
    m.ownerRef && m.ownerRef === request.consoleUser?.id
      ? 'you'
      : (ownerUser?.email ?? (m.ownerRef ? 'a deleted user' : 'none (added by the CLI or the platform)'));
  const connected = h.state !== 'not_connected';
  const application = (await mail.accessOf(m)) === 'application';
  const inbox = extra.messages
    ? extra.messages.length
      ? html`<div class="table-wrap"><table class="inbox"><thead><tr><th>Date</th><th>From</th><th>Subject</th></tr></thead><tbody>${extra.messages.map(
          (x) =>
            html`<tr data-uid="${x.uid}"><td>${formatTime(x.date)}</td><td>${x.from}</td><td>${x.subject}</td></tr>`,
        )}</tbody></table></div>`
      : html`<div class="card empty">The inbox is empty.</div>`
    : '';
  const body = html`<p class="crumbs"><a href="/mail">Mailboxes</a></p><h1>${m.address || 'New mailbox'}</h1>
    <div class="card"><dl class="facts">
      <dt>Provider</dt><dd>${client?.name ?? 'unknown client'}</dd>
      <dt>Owner</dt><dd>${owner}</dd>
      <dt>Access</dt><dd>${application ? 'The application acts as this address (app-only, client credentials)' : 'Connected by a person (delegated)'}</dd>
      <dt>IMAP (read)</dt><dd>${server(m.imap)}</dd>
      <dt>SMTP (send)</dt><dd>${server(m.smtp)}</dd>
      <dt>Connection</dt><dd>${healthCell(h)}${h.state === 'ok' && h.expiresAt ? html`<br><span class="muted small">Access token valid until ${formatTime(h.expiresAt)}; refreshed before each use.</span>` : ''}</dd>
      <dt>Last used</dt><dd>${formatTime(m.lastUsedAt, 'never')}</dd>
    </dl>
    <p>${
      application
        ? h.state === 'reconnect' || h.state === 'error'
          ? actionButton(
              request,
              reply,
              ctx,
              `${mailAccountPath(m.id)}/renew`,
              'Request the application token again',
            )
          : ''
        : h.state === 'not_connected' || h.state === 'reconnect' || h.state === 'error'
          ? connectLink(request, reply, ctx, m, h.state === 'error' ? { ...h, state: 'reconnect' } : h)
          : ''
    }
      ${actionButton(request, reply, ctx, `${mailAccountPath(m.id)}/delete`, 'Remove mailbox', { danger: true, confirm: 'Remove this mailbox and its connection?' })}</p></div>
    ${
      connected
        ? html`<h2>Send a test message</h2>
    <form method="post" action="${mailAccountPath(m.id)}/send" class="card">${csrfField(request, reply, ctx)}
      <label for="to">To</label><input id="to" name="to" type="email" required value="${m.address}">
      <label for="subject">Subject</label><input id="subject" name="subject" type="text" value="Consentry test message">
      <p><button type="submit">Send test message</button></p></form>
    <h2>Inbox</h2>
    <form method="post" action="${mailAccountPath(m.id)}/inbox" class="inline">${csrfField(request, reply, ctx)}<button type="submit" class="secondary">List the newest messages</button></form>
    ${inbox}`
        : ''
    }`;
  return renderPage(request, reply, ctx, { title: m.address || 'Mailbox', body, active: '/mail' });
}
