import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { OAuth2Provider } from '../../catalog/provider.ts';
import type { RegisteredClient } from '../../domain/connection.ts';
import { describeHealth } from '../../domain/connection-health.ts';
import { type ConsentryError, isConsentryError } from '../../domain/errors.ts';
import { serviceAccountOf } from '../../protocol/service-account.ts';
import { html, type SafeHtml } from '../html.ts';
import { connectionTable } from './connection-table.ts';
import {
  actorOf,
  type ConsoleContext,
  csrfField,
  formOf,
  redirectWithFlash,
  renderPage,
  userCan,
} from './context.ts';
import type { ConsolePageModule } from './pages.ts';

/**
 * Google service accounts in the console (issue 16, JWT bearer grant):
 *
 * - `/providers/:key/service-account` — upload the JSON key (file picker or paste); the private
 *   key is sealed and never shown again.
 * - `/clients/:id/service-account` — the account, key id and the client ID to grant domain-wide
 *   delegation to; replace the key; connect as a user of the domain (subject + scopes + purpose);
 *   the connections made with it.
 */
export const serviceAccountPages: ConsolePageModule = {
  register(app: FastifyInstance, ctx: ConsoleContext) {
    app.get(
      '/providers/:key/service-account',
      { config: { permission: 'administer_oauth' } },
      async (request, reply) => {
        const provider = ctx.services.oauth.provider((request.params as { key: string }).key);
        return importPage(request, reply, ctx, provider, {});
      },
    );

    app.post(
      '/providers/:key/service-account',
      { config: { permission: 'administer_oauth' } },
      async (request, reply) => {
        const provider = ctx.services.oauth.provider((request.params as { key: string }).key);
        const f = formOf(request);
        try {
          const client = await ctx.services.serviceAccounts.importKey(actorOf(request), provider.key, {
            name: f.name,
            keyFile: f.keyFile ?? '',
          });
          const sa = serviceAccountOf(client);
          return redirectWithFlash(
            reply,
            ctx,
            `/clients/${client.id}/service-account`,
            'ok',
            `Saved the service account ${sa?.clientEmail ?? client.clientId} (key ${sa?.privateKeyId ?? '?'}). Its private key is stored encrypted and will not be shown again.`,
          );
        } catch (e) {
          if (isShown(e))
            return importPage(request, reply, ctx, provider, {
              name: f.name ?? '',
              error: e.message,
              status: e.status,
            });
          throw e;
        }
      },
    );

    app.get(
      '/clients/:id/service-account',
      { config: { permission: 'administer_oauth' } },
      async (request, reply) => {
        const client = await ctx.services.oauth.getClient(
          actorOf(request),
          (request.params as { id: string }).id,
        );
        return accountPage(request, reply, ctx, client, {});
      },
    );

    app.post(
      '/clients/:id/service-account/key',
      { config: { permission: 'administer_oauth' } },
      async (request, reply) => {
        const client = await ctx.services.oauth.getClient(
          actorOf(request),
          (request.params as { id: string }).id,
        );
        try {
          const updated = await ctx.services.serviceAccounts.replaceKey(
            actorOf(request),
            client.id,
            formOf(request).keyFile ?? '',
          );
          return redirectWithFlash(
            reply,
            ctx,
            `/clients/${client.id}/service-account`,
            'ok',
            `Replaced the key: now ${serviceAccountOf(updated)?.privateKeyId ?? '?'}. The old key is no longer stored.`,
          );
        } catch (e) {
          if (isShown(e))
            return accountPage(request, reply, ctx, client, { error: e.message, status: e.status });
          throw e;
        }
      },
    );

    app.post(
      '/clients/:id/service-account/connect',
      { config: { permission: 'connect_accounts' } },
      async (request, reply) => {
        const actor = actorOf(request);
        const client = await ctx.services.oauth.getClient(actor, (request.params as { id: string }).id);
        const f = formOf(request);
        const scopes = (f.scopes ?? '').split(/[\s,]+/).filter(Boolean);
        try {
          const c = await ctx.services.serviceAccounts.connect(actor, {
            client: client.id,
            subject: f.subject,
            scopes,
            purpose: f.purpose,
          });
          return redirectWithFlash(
            reply,
            ctx,
            `/clients/${client.id}/service-account`,
            'ok',
            `Connected as ${c.account ?? '?'} (${c.scopes.join(' ')}); the token is renewed before it expires.`,
          );
        } catch (e) {
          if (isShown(e) || (isConsentryError(e) && e.code !== 'INTERNAL'))
            return accountPage(request, reply, ctx, client, {
              error: e.message,
              status: e.status,
              subject: f.subject ?? '',
              scopes: f.scopes ?? '',
              purpose: f.purpose ?? '',
            });
          throw e;
        }
      },
    );
  },
};

function isShown(e: unknown): e is ConsentryError {
  return (
    isConsentryError(e) &&
    ['SERVICE_ACCOUNT_KEY_INVALID', 'CLIENT_INVALID', 'FORBIDDEN', 'SCOPES_INVALID', 'BAD_REQUEST'].includes(
      e.code,
    )
  );
}

function keyField(id: string): SafeHtml {
  return html`<label for="${id}">JSON key file</label>
    <input type="file" id="${id}-file" accept="application/json,.json" data-read-into="${id}" aria-describedby="${id}-help">
    <textarea id="${id}" name="keyFile" class="mono" rows="6" required autocomplete="off" spellcheck="false" placeholder='{"type": "service_account", "client_email": …}'></textarea>
    <p id="${id}-help" class="muted small">Choose the .json file Google downloaded, or paste its content. The private key is stored encrypted and never shown again; only the account and the key id are.</p>`;
}

async function importPage(
  request: FastifyRequest,
  reply: FastifyReply,
  ctx: ConsoleContext,
  provider: OAuth2Provider,
  state: { name?: string; error?: string; status?: number },
) {
  const canSecret = userCan(request, 'manage_secrets');
  const body = html`<p class="crumbs"><a href="/providers">Providers</a> › <a href="/providers/${provider.key}">${provider.displayName}</a> ›</p>
    <h1>Add a ${provider.displayName} service account</h1>
    <section class="card" aria-labelledby="steps-h"><h2 id="steps-h">1. At ${provider.displayName}</h2>
    <ol class="steps">
      <li>Google Cloud console → IAM &amp; Admin → Service accounts → Create service account (no roles needed for mail).</li>
      <li>The account → Keys → Add key → Create new key → JSON. Keep the downloaded file for the next step.</li>
      <li>To act as users of your Google Workspace domain (domain-wide delegation): Google Admin console → Security → Access and data control → API controls → Manage domain-wide delegation → Add new, with the account’s client ID (shown after upload) and the scopes (for mail: <code>https://mail.google.com/</code>).</li>
    </ol>
    <p><a href="https://developers.google.com/identity/protocols/oauth2/service-account" rel="noreferrer" target="_blank">Google’s guide</a></p></section>
    <section class="card" aria-labelledby="upload-h"><h2 id="upload-h">2. Upload the key</h2>
    ${state.error ? html`<div class="flash error" role="alert">${state.error}</div>` : ''}
    ${
      canSecret
        ? html`<form method="post" action="/providers/${provider.key}/service-account">${csrfField(request, reply, ctx)}
      <label for="name">Name (its purpose)</label>
      <input id="name" name="name" type="text" maxlength="80" value="${state.name ?? ''}" placeholder="Mail (service account)">
      ${keyField('keyFile')}
      <p><button type="submit">Save service account</button></p>
    </form>`
        : html`<p class="muted">Only users who may manage OAuth secrets can upload a service-account key.</p>`
    }</section>`;
  return renderPage(request, reply, ctx, {
    title: `${provider.displayName} service account`,
    body,
    status: state.status ?? 200,
    active: '/providers',
  });
}

async function accountPage(
  request: FastifyRequest,
  reply: FastifyReply,
  ctx: ConsoleContext,
  client: RegisteredClient,
  state: { error?: string; status?: number; subject?: string; scopes?: string; purpose?: string },
) {
  const provider = ctx.services.oauth.provider(client.providerKey);
  const sa = serviceAccountOf(client);
  if (!sa) return reply.redirect(`/clients/${client.id}`, 303);
  const connections = await ctx.services.oauth.listConnections(actorOf(request), { clientRef: client.id });
  const mailScopes = (provider.presets.mail ?? []).filter((s) => s.startsWith('https://'));
  const body = html`<p class="crumbs"><a href="/">Dashboard</a> › <a href="/providers/${provider.key}">${provider.displayName}</a> ›</p>
    <h1>Service account “${client.name}”</h1>
    ${state.error ? html`<div class="flash error" role="alert">${state.error}</div>` : ''}
    ${client.refusal ? html`<div class="flash error" role="alert" id="client-refused"><strong>client_invalid</strong> — ${describeHealth(client.refusal)} Token requests of this account are paused until its key or delegation is fixed (replace the key to resume).</div>` : ''}
    <section class="card" aria-labelledby="sa-h"><h2 id="sa-h">The account</h2>
    <dl class="facts">
      <dt>Account</dt><dd class="mono" id="sa-email">${sa.clientEmail}</dd>
      <dt>Key id</dt><dd class="mono" id="sa-key-id">${sa.privateKeyId}</dd>
      ${sa.projectId ? html`<dt>Project</dt><dd class="mono">${sa.projectId}</dd>` : ''}
    </dl>
    <p class="muted small">The private key is stored encrypted; it is never shown.</p>
    ${
      sa.clientId
        ? html`<label for="sa-client-id">Client ID for domain-wide delegation</label>
    <div class="copy-row"><input id="sa-client-id" type="text" readonly value="${sa.clientId}" class="mono"><button type="button" class="secondary" data-copy="sa-client-id">Copy</button></div>`
        : ''
    }
    ${
      mailScopes.length
        ? html`<label for="sa-mail-scopes">Scopes to delegate for mail</label>
    <div class="copy-row"><input id="sa-mail-scopes" type="text" readonly value="${mailScopes.join(',')}" class="mono"><button type="button" class="secondary" data-copy="sa-mail-scopes">Copy</button></div>`
        : ''
    }
    <p class="muted small">Google Admin console → Security → Access and data control → API controls → Manage domain-wide delegation → Add new.</p>
    </section>
    ${
      userCan(request, 'connect_accounts')
        ? html`<section class="card" aria-labelledby="connect-h"><h2 id="connect-h">Connect as a user of the domain</h2>
    <form method="post" action="/clients/${client.id}/service-account/connect">${csrfField(request, reply, ctx)}
      <label for="subject">User to act as (domain-wide delegation)</label>
      <input id="subject" name="subject" type="email" value="${state.subject ?? ''}" placeholder="someone@your-domain.example" aria-describedby="subject-help">
      <p id="subject-help" class="muted small">Blank: the service account acts as itself (no delegation).</p>
      <label for="scopes">Scopes</label>
      <input id="scopes" name="scopes" type="text" class="mono" value="${state.scopes ?? mailScopes.join(' ')}" required aria-describedby="scopes-help">
      <p id="scopes-help" class="muted small">Space-separated; each must be delegated to the client ID above.</p>
      <label for="purpose">Purpose</label>
      <input id="purpose" name="purpose" type="text" value="${state.purpose ?? ''}" placeholder="console" aria-describedby="purpose-help">
      <p id="purpose-help" class="muted small">The feature the connection serves (blank: this console). Mailboxes connect from their own page.</p>
      <p><button type="submit">Connect</button></p>
    </form></section>`
        : ''
    }
    <section class="card" aria-labelledby="conns-h"><h2 id="conns-h">Connections</h2>
    ${
      connections.length
        ? connectionTable(request, reply, ctx, ctx.deps.providers, connections, {
            returnTo: `/clients/${client.id}/service-account`,
          })
        : html`<div class="empty">No connections yet.</div>`
    }</section>
    ${
      userCan(request, 'manage_secrets')
        ? html`<section class="card" aria-labelledby="key-h"><h2 id="key-h">Replace the key</h2>
    <p>After creating a new key at Google (and before deleting the old one there). The file must be of ${sa.clientEmail}.</p>
    <form method="post" action="/clients/${client.id}/service-account/key">${csrfField(request, reply, ctx)}
      ${keyField('newKeyFile')}
      <p><button type="submit" class="secondary">Replace key</button></p>
    </form></section>`
        : ''
    }`;
  return renderPage(request, reply, ctx, { title: client.name, body, status: state.status ?? 200 });
}
