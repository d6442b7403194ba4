import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type OAuth2Provider, supportsConsent } from '../../catalog/provider.ts';
import type { ClientInput } from '../../console/oauth-admin.ts';
import type { RegisteredClient } from '../../domain/connection.ts';
import { isConsentryError } from '../../domain/errors.ts';
import { serviceAccountOf } from '../../protocol/service-account.ts';
import { html, type SafeHtml } from '../html.ts';
import {
  actionButton,
  actorOf,
  type ConsoleContext,
  csrfField,
  formOf,
  redirectWithFlash,
  renderPage,
  userCan,
} from './context.ts';

/**
 * CiviCRM's "Register Client" tab: what to paste at the provider (the Redirect URL and the scopes,
 * each with a copy button, and a warning when providers will refuse the URL), then the fields
 * Client ID, Client Secret (write-only: blank keeps the saved one) and the provider's templated
 * values. Several clients per provider, each named by purpose.
 */
export function clientPages(app: FastifyInstance, ctx: ConsoleContext): void {
  app.get(
    '/providers/:key/register',
    { config: { permission: 'administer_oauth' } },
    async (request, reply) => {
      const { key } = request.params as { key: string };
      const provider = ctx.services.oauth.provider(key);
      return registerPage(request, reply, ctx, provider, {});
    },
  );

  app.post(
    '/providers/:key/register',
    { config: { permission: 'administer_oauth' } },
    async (request, reply) => {
      const { key } = request.params as { key: string };
      const provider = ctx.services.oauth.provider(key);
      const input = clientInput(request, provider);
      try {
        const client = await ctx.services.oauth.createClient(actorOf(request), key, input);
        return redirectWithFlash(
          reply,
          ctx,
          `/clients/${client.id}/connections`,
          'ok',
          `Saved the ${provider.displayName} client “${client.name}”. Its secret is stored encrypted and will not be shown again.${supportsConsent(provider) ? ' Next: Add (Auth Code).' : ' It gets its tokens itself (client credentials): no one needs to consent.'}`,
        );
      } catch (e) {
        if (isConsentryError(e) && (e.code === 'CLIENT_INVALID' || e.code === 'FORBIDDEN'))
          return registerPage(request, reply, ctx, provider, { input, error: e.message, status: e.status });
        throw e;
      }
    },
  );

  app.get('/clients/:id', { config: { permission: 'administer_oauth' } }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const client = await ctx.services.oauth.getClient(actorOf(request), id);
    // A Google service account has its own page (key, delegation, connections as a user).
    if (serviceAccountOf(client)) return reply.redirect(`/clients/${client.id}/service-account`, 303);
    return editPage(request, reply, ctx, client, {});
  });

  app.post('/clients/:id', { config: { permission: 'administer_oauth' } }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const existing = await ctx.services.oauth.getClient(actorOf(request), id);
    const provider = ctx.services.oauth.provider(existing.providerKey);
    const input = clientInput(request, provider);
    try {
      const client = await ctx.services.oauth.updateClient(actorOf(request), id, input);
      return redirectWithFlash(
        reply,
        ctx,
        `/clients/${client.id}/connections`,
        'ok',
        input.clientSecret
          ? `Saved “${client.name}” with its new secret.`
          : `Saved “${client.name}”; the secret is unchanged.`,
      );
    } catch (e) {
      if (isConsentryError(e) && (e.code === 'CLIENT_INVALID' || e.code === 'FORBIDDEN'))
        return editPage(request, reply, ctx, existing, { input, error: e.message, status: e.status });
      throw e;
    }
  });

  // Issue 16: a connection without a user — the client's own token (client credentials).
  app.post(
    '/clients/:id/application-connection',
    { config: { permission: 'administer_oauth' } },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      const client = await ctx.services.oauth.getClient(actorOf(request), id);
      const f = formOf(request);
      const params: Record<string, string> = {};
      for (const line of (f.params ?? '').split(/\r?\n/)) {
        const t = line.trim();
        if (!t) continue;
        const eq = t.indexOf('=');
        if (eq < 1)
          return redirectWithFlash(
            reply,
            ctx,
            `/clients/${id}`,
            'error',
            'Each parameter line must look like name=value.',
          );
        params[t.slice(0, eq).trim()] = t.slice(eq + 1).trim();
      }
      try {
        const c = await ctx.services.oauth.connectApplication(actorOf(request), {
          clientId: client.id,
          scopes: (f.scopes ?? '').split(/\s+/).filter(Boolean),
          params,
          purpose: f.purpose,
        });
        return redirectWithFlash(
          reply,
          ctx,
          `/clients/${client.id}/connections`,
          'ok',
          `Connected “${client.name}” as the application (connection ${c.id}, scopes ${c.scopes.join(' ') || 'the provider’s default'}). A new token is requested before each expiry.`,
        );
      } catch (e) {
        if (isConsentryError(e)) return redirectWithFlash(reply, ctx, `/clients/${id}`, 'error', e.message);
        throw e;
      }
    },
  );

  app.post('/clients/:id/delete', { config: { permission: 'administer_oauth' } }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const client = await ctx.services.oauth.getClient(actorOf(request), id);
    try {
      await ctx.services.oauth.deleteClient(actorOf(request), id);
    } catch (e) {
      if (isConsentryError(e, 'CLIENT_INVALID'))
        return redirectWithFlash(reply, ctx, `/clients/${id}`, 'error', e.message);
      throw e;
    }
    return redirectWithFlash(
      reply,
      ctx,
      '/',
      'ok',
      `Deleted the client “${client.name}” and its connections.`,
    );
  });
}

function clientInput(request: FastifyRequest, provider: OAuth2Provider): ClientInput {
  const f = formOf(request);
  const templateValues: Record<string, string> = {};
  for (const t of provider.templates) templateValues[t.name] = f[`t_${t.name}`] ?? '';
  const auth = f.clientAuth ?? '';
  return {
    name: f.name ?? '',
    clientId: f.clientId ?? '',
    clientSecret: f.clientSecret ?? '',
    templateValues,
    clientAuth: auth as ClientInput['clientAuth'],
    privateKey: f.privateKey ?? '',
    generateKey: f.generateKey === 'yes',
  };
}

const AUTH_LABELS: Record<string, string> = {
  '': 'Automatic (the provider’s metadata and the catalog decide)',
  client_secret_basic: 'client_secret_basic — HTTP Basic with the secret',
  client_secret_post: 'client_secret_post — the secret in the request body',
  private_key_jwt: 'private_key_jwt — a signed assertion (RFC 7523); paste our public key at the provider',
  none: 'none — a public client (PKCE only)',
};

async function pasteAtProvider(ctx: ConsoleContext, provider: OAuth2Provider): Promise<SafeHtml> {
  const oauth = ctx.services.oauth;
  const guide = await oauth.registrationGuide(provider.key);
  const warning = oauth.redirectUriIsSecure
    ? ''
    : html`<div class="flash warn" role="alert" id="insecure-redirect"><strong>Providers will refuse this Redirect URL.</strong>
      It is plain http on a host that is not localhost, 127.0.0.1 or [::1]; providers accept http only there.
      Ways around it:<ul>
        <li><strong>HTTPS</strong>: serve Consentry over TLS (or behind a TLS proxy) and set <code>PUBLIC_BASE_URL=https://…</code>.</li>
        <li><strong>A localhost URL</strong>: on the machine running Consentry, open it as <code>http://localhost:PORT</code> and set <code>PUBLIC_BASE_URL=http://localhost:PORT</code>.</li>
        <li><strong>An intermediate redirect</strong>: register an HTTPS page you control that forwards the browser, query string unchanged, to this Redirect URL.</li>
      </ul></div>`;
  return html`<section class="card" aria-labelledby="paste-h"><h2 id="paste-h">1. At ${provider.displayName}, register an application with</h2>
    ${warning}
    <label for="redirect-url">Redirect URL</label>
    <div class="copy-row"><input id="redirect-url" type="text" readonly value="${guide.redirectUri}" class="mono"><button type="button" class="secondary" data-copy="redirect-url">Copy</button></div>
    ${guide.scopesToPaste.map(
      (s) => html`<label for="scopes-${s.preset}">Scopes for “${s.preset}”</label>
    <div class="copy-row"><input id="scopes-${s.preset}" type="text" readonly value="${s.text}" class="mono"><button type="button" class="secondary" data-copy="scopes-${s.preset}">Copy</button></div>`,
    )}
    ${guide.registerUrl ? html`<p>Where: <a href="${guide.registerUrl}" rel="noreferrer" target="_blank">${guide.registerUrl}</a></p>` : ''}
    ${guide.steps.length ? html`<ol class="steps">${guide.steps.map((s) => html`<li>${s}</li>`)}</ol>` : ''}
    ${guide.notes.length ? html`<ul class="muted">${guide.notes.map((s) => html`<li>${s}</li>`)}</ul>` : ''}
  </section>`;
}

function clientFields(
  request: FastifyRequest,
  provider: OAuth2Provider,
  values: {
    name?: string;
    clientId?: string;
    templateValues?: Record<string, string | undefined>;
    clientAuth?: string | undefined;
  },
  existing: RegisteredClient | undefined,
): SafeHtml {
  const auth = values.clientAuth ?? (existing?.options.clientAuth as string | undefined) ?? '';
  const canSecret = userCan(request, 'manage_secrets');
  const secretHelp = existing?.hasClientSecret
    ? 'A secret is saved (encrypted). Leave blank to keep it; type a new one to replace it.'
    : 'Stored encrypted; never shown again after saving.';
  return html`
    <label for="name">Name (its purpose)</label>
    <input id="name" name="name" type="text" required maxlength="80" value="${values.name ?? ''}" placeholder="Mail, Sign-in, Calendar…" aria-describedby="name-help">
    <p id="name-help" class="muted small">Several clients per provider are fine; name each by what it is for.</p>
    <label for="clientId">Client ID</label>
    <input id="clientId" name="clientId" type="text" class="mono" autocomplete="off" value="${values.clientId ?? ''}">
    <label for="clientSecret">Client Secret</label>
    ${
      canSecret
        ? html`<input id="clientSecret" name="clientSecret" type="password" class="mono" autocomplete="new-password" value="" placeholder="${existing?.hasClientSecret ? '•••••••• saved — blank keeps it' : ''}" aria-describedby="secret-help">
    <p id="secret-help" class="muted small">${secretHelp}</p>`
        : html`<p class="muted small" id="clientSecret">Only users who may manage OAuth secrets can set or replace the secret.${existing?.hasClientSecret ? ' A secret is saved.' : ''}</p>`
    }
    <label for="clientAuth">Client authentication</label>
    <select id="clientAuth" name="clientAuth" aria-describedby="clientAuth-help">${Object.entries(
      AUTH_LABELS,
    ).map(
      ([value, label]) =>
        html`<option value="${value}"${value === auth ? html` selected` : ''}>${label}</option>`,
    )}</select>
    <p id="clientAuth-help" class="muted small">How Consentry proves it is this client at the token, revocation and PAR endpoints. With private_key_jwt a key pair is generated (or paste your own private key below); the private key is stored encrypted and the public key is shown on the client’s page.</p>
    ${
      canSecret
        ? html`<label for="privateKey">Private key to import (optional, private_key_jwt)</label>
    <textarea id="privateKey" name="privateKey" class="mono" rows="3" autocomplete="off" placeholder="-----BEGIN PRIVATE KEY----- … or a JWK" aria-describedby="privateKey-help"></textarea>
    <p id="privateKey-help" class="muted small">PKCS#8 PEM or JWK (RSA, EC or Ed25519). Blank keeps the saved key${existing?.hasClientKey ? ' (one is saved)' : ''}.</p>
    ${existing?.hasClientKey ? html`<p><label><input type="checkbox" name="generateKey" value="yes"> Generate a new key pair (the provider must get the new public key)</label></p>` : ''}`
        : ''
    }
    ${provider.templates.map(
      (t) => html`<label for="t_${t.name}">${t.label}${t.optional ? ' (optional)' : ''}</label>
      ${templateInput(t, values.templateValues?.[t.name] ?? t.default ?? '')}
      <p id="t_${t.name}-help" class="muted small">${t.description}</p>`,
    )}`;
}

async function registerPage(
  request: FastifyRequest,
  reply: FastifyReply,
  ctx: ConsoleContext,
  provider: OAuth2Provider,
  state: { input?: ClientInput; error?: string; status?: number },
) {
  const body = html`<p class="crumbs"><a href="/providers">Providers</a> › <a href="/providers/${provider.key}">${provider.displayName}</a> ›</p>
    <h1>Register a ${provider.displayName} client</h1>
    ${provider.grants.includes('jwt_bearer') ? html`<p class="card" id="service-account-link">Acting for users of your domain without their consent (domain-wide delegation)? <a href="/providers/${provider.key}/service-account">Add a service account</a> instead.</p>` : ''}
    ${await pasteAtProvider(ctx, provider)}
    <section class="card" aria-labelledby="form-h"><h2 id="form-h">2. Paste what ${provider.displayName} gave you</h2>
    ${state.error ? html`<div class="flash error" role="alert">${state.error}</div>` : ''}
    <form method="post" action="/providers/${provider.key}/register">${csrfField(request, reply, ctx)}
      ${clientFields(request, provider, state.input ?? {}, undefined)}
      <p><button type="submit">Save client</button></p>
    </form></section>`;
  return renderPage(request, reply, ctx, {
    title: `Register ${provider.displayName}`,
    body,
    status: state.status ?? 200,
    active: '/providers',
  });
}

async function editPage(
  request: FastifyRequest,
  reply: FastifyReply,
  ctx: ConsoleContext,
  client: RegisteredClient,
  state: { input?: ClientInput; error?: string; status?: number },
) {
  const provider = ctx.services.oauth.provider(client.providerKey);
  const values = state.input ?? {
    name: client.name,
    clientId: client.clientId,
    templateValues: client.templateValues,
  };
  const publicKey = await ctx.services.oauth.publicKeyOf(actorOf(request), client.id);
  const body = html`<p class="crumbs"><a href="/">Dashboard</a> › <a href="/clients/${client.id}/connections">${client.name}</a> ›</p>
    <h1>${provider.displayName} client “${client.name}”</h1>
    ${await pasteAtProvider(ctx, provider)}
    ${
      publicKey
        ? html`<section class="card" aria-labelledby="pubkey-h"><h2 id="pubkey-h">Public key (private_key_jwt)</h2>
    <p>Paste this at ${provider.displayName} as the client’s key (JWK, or PEM where it wants one). The private key stays here, encrypted.</p>
    <label for="public-jwk">JWK</label>
    <div class="copy-row"><textarea id="public-jwk" readonly class="mono" rows="4">${JSON.stringify(publicKey.jwk)}</textarea><button type="button" class="secondary" data-copy="public-jwk">Copy</button></div>
    <label for="public-pem">PEM</label>
    <div class="copy-row"><textarea id="public-pem" readonly class="mono" rows="6">${publicKey.pem}</textarea><button type="button" class="secondary" data-copy="public-pem">Copy</button></div>
    </section>`
        : ''
    }
    <section class="card"><h2>Settings</h2>
    ${state.error ? html`<div class="flash error" role="alert">${state.error}</div>` : ''}
    <form method="post" action="/clients/${client.id}">${csrfField(request, reply, ctx)}
      ${clientFields(request, provider, values, client)}
      <p><button type="submit">Save changes</button></p>
    </form></section>
    ${
      provider.grants.includes('client_credentials')
        ? html`<section class="card" aria-labelledby="app-h"><h2 id="app-h">Connect as the application</h2>
    <p>A connection without a user: ${provider.displayName} issues a token to this client itself (client credentials). Nobody signs in; a new token is requested before each expiry. Asking again with the same scopes and parameters returns the same connection.</p>
    ${provider.clientCredentials?.notes ? html`<p class="help">${provider.clientCredentials.notes}</p>` : ''}
    <form method="post" action="/clients/${client.id}/application-connection">${csrfField(request, reply, ctx)}
      <label for="app-scopes">Scopes (space-separated; blank = the provider’s default)</label>
      <input id="app-scopes" name="scopes" type="text" class="mono" value="" placeholder="${(provider.clientCredentials?.defaultScopes ?? []).join(' ')}">
      <label for="app-params">Extra parameters (one name=value per line: resource, audience …)</label>
      <textarea id="app-params" name="params" rows="2" class="mono"></textarea>
      <p><button type="submit">Connect as the application</button></p>
    </form></section>`
        : ''
    }
    ${
      client.options.builtIn
        ? ''
        : html`<section class="card danger-zone"><h2>Delete</h2><p>Deleting the client also deletes its connections here (tokens at the provider are not revoked; revoke them first).</p>
      ${actionButton(request, reply, ctx, `/clients/${client.id}/delete`, 'Delete client', { danger: true, confirm: `Delete the client “${client.name}” and its connections?` })}</section>`
    }`;
  return renderPage(request, reply, ctx, { title: client.name, body, status: state.status ?? 200 });
}

/**
 * A templated value's field: a select when the entry's pattern is a plain list of words
 * (`production|testing`), so the administrator picks instead of typing; a text field otherwise.
 */
function templateInput(
  t: {
    name: string;
    pattern?: string | undefined;
    examples: readonly string[];
    optional?: boolean | undefined;
  },
  value: string,
): SafeHtml {
  const choices = t.pattern && /^[\w.-]+(\|[\w.-]+)+$/.test(t.pattern) ? t.pattern.split('|') : undefined;
  if (choices) {
    return html`<select id="t_${t.name}" name="t_${t.name}" aria-describedby="t_${t.name}-help">${t.optional && !choices.includes(value) ? html`<option value=""></option>` : ''}${choices.map(
      (c) => html`<option value="${c}"${c === value ? html` selected` : ''}>${c}</option>`,
    )}</select>`;
  }
  return html`<input id="t_${t.name}" name="t_${t.name}" type="text" value="${value}" placeholder="${t.examples[0] ?? ''}" aria-describedby="t_${t.name}-help">`;
}
