import type { FastifyInstance } from 'fastify';
import {
  CLIENT_GRANTS,
  type ClientGrant,
  type OAuth2Provider,
  supportsConsent,
} from '../../catalog/provider.ts';
import { html } from '../html.ts';
import { actorOf, type ConsoleContext, renderPage } from './context.ts';

/** How the console names each grant (badges, the filter). */
const GRANT_LABELS: Record<ClientGrant, string> = {
  authorization_code: 'authorization code',
  client_credentials: 'client credentials',
  jwt_bearer: 'JWT bearer',
};

/** The catalog, configured or not, with search; and one provider's facts. */
export function providerPages(app: FastifyInstance, ctx: ConsoleContext): void {
  app.get('/providers', { config: { permission: 'administer_oauth' } }, async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    const q = String(query.q ?? '').slice(0, 100);
    const categories = ctx.services.oauth.providerCategories();
    const requested = String(query.category ?? '');
    // An unknown category is ignored (shown as “all”), not an error page: it comes from a URL.
    const category = categories.some((c) => c.category === requested) ? requested : '';
    // Same for an unknown grant.
    const requestedGrant = String(query.grant ?? '');
    const grant = (CLIENT_GRANTS as readonly string[]).includes(requestedGrant) ? requestedGrant : '';
    const listing = await ctx.services.oauth.listProviders(q, category, grant);
    const total = (await ctx.services.oauth.listProviders()).length;
    const rows = listing.map(
      ({ provider: p, configured, clients, aliases }) => html`<tr data-provider="${p.key}">
        <td><a href="/providers/${p.key}">${p.displayName}</a><br><span class="muted mono">${p.key}</span>${
          aliases.length
            ? html`<br><span class="muted">also: ${aliases.map((a) => a.displayName).join(', ')}</span>`
            : ''
        }</td>
        <td>${p.categories.map((c) => html`<a class="badge" href="/providers?category=${c}">${c}</a> `)}</td>
        <td>${p.protocol === 'oidc' ? 'OpenID Connect' : 'OAuth 2.0'}</td>
        <td data-grants="${p.grants.join(' ')}">${p.grants.map((g) => html`<a class="badge" href="/providers?grant=${g}">${GRANT_LABELS[g]}</a> `)}</td>
        <td>${configured ? html`<span class="badge ok">configured · ${clients} client${clients === 1 ? '' : 's'}</span>` : html`<span class="badge">not configured</span>`}</td>
        <td><a class="button secondary" href="/providers/${p.key}/register">Register client</a></td></tr>`,
    );
    const everything = await ctx.services.oauth.listProviders();
    const grantCounts = Object.fromEntries(
      CLIENT_GRANTS.map((g) => [g, everything.filter((l) => l.provider.grants.includes(g)).length]),
    ) as Record<ClientGrant, number>;
    const filtered = q || category || grant;
    const body = html`<h1>Providers</h1>
      <form class="search" method="get" action="/providers" role="search">
        <label for="q" class="sr-only">Search providers</label>
        <input id="q" name="q" type="search" placeholder="Search by name, key, alias or scope" value="${q}">
        <label for="category" class="sr-only">Category</label>
        <select id="category" name="category">
          <option value=""${category ? '' : ' selected'}>All categories (${total})</option>
          ${categories.map(
            (c) =>
              html`<option value="${c.category}"${c.category === category ? ' selected' : ''}>${c.category} (${c.count})</option>`,
          )}
        </select>
        <label for="grant" class="sr-only">Grant</label>
        <select id="grant" name="grant">
          <option value=""${grant ? '' : ' selected'}>All grants</option>
          ${CLIENT_GRANTS.map(
            (g) =>
              html`<option value="${g}"${g === grant ? ' selected' : ''}>${GRANT_LABELS[g]} (${grantCounts[g]})</option>`,
          )}
        </select>
        <button type="submit" class="secondary">Search</button>
      </form>
      <p class="muted" data-count="${listing.length}">${
        filtered
          ? html`${listing.length} of ${total} providers${category ? html` in <strong>${category}</strong>` : ''}${grant ? html` with <strong>${GRANT_LABELS[grant as ClientGrant]}</strong>` : ''}${q ? html` matching “${q}”` : ''} · <a href="/providers">Show all</a>`
          : html`${total} providers`
      }</p>
      ${
        listing.length
          ? html`<div class="table-wrap"><table><thead><tr><th>Provider</th><th>Categories</th><th>Protocol</th><th>Grants</th><th>Status</th><th><span class="sr-only">Actions</span></th></tr></thead><tbody>${rows}</tbody></table></div>`
          : html`<div class="card empty">No provider matches${q ? html` “${q}”` : ''}${category ? html` in ${category}` : ''}. <a href="/providers">Show all</a></div>`
      }`;
    return renderPage(request, reply, ctx, { title: 'Providers', body, active: '/providers' });
  });

  app.get('/providers/:key', { config: { permission: 'administer_oauth' } }, async (request, reply) => {
    const { key } = request.params as { key: string };
    const p = ctx.services.oauth.provider(key);
    const clients = await ctx.services.oauth.listClients(actorOf(request), { providerKey: p.key });
    const body = html`<p class="crumbs"><a href="/providers">Providers</a> ›</p>
      <h1>${p.displayName}</h1>
      <p><a class="button" href="/providers/${p.key}/register">Register client</a></p>
      <h2>Registered clients</h2>
      ${
        clients.length
          ? html`<ul>${clients.map((c) => html`<li><a href="/clients/${c.id}/connections">${c.name}</a> <span class="muted mono">${c.clientId}</span></li>`)}</ul>`
          : html`<div class="card empty">No ${p.displayName} client yet — <a href="/providers/${p.key}/register">Register client</a>.</div>`
      }
      ${providerFacts(p)}`;
    return renderPage(request, reply, ctx, { title: p.displayName, body, active: '/providers' });
  });
}

/** Endpoints, scopes, presets, templated fields, refresh-token behaviour — what `providers show` prints. */
export function providerFacts(p: OAuth2Provider) {
  const endpoints = Object.entries(p.endpoints).filter(([, v]) => v);
  return html`<h2>Facts</h2><div class="card"><dl class="facts">
    <dt>Key</dt><dd class="mono">${p.key}</dd>
    <dt>Categories</dt><dd>${p.categories.join(', ')}</dd>
    ${p.docs.registerUrl ? html`<dt>Developer docs</dt><dd><a href="${p.docs.registerUrl}" rel="noopener noreferrer">${p.docs.registerUrl}</a></dd>` : ''}
    <dt>Protocol</dt><dd>${p.protocol === 'oidc' ? 'OpenID Connect' : 'OAuth 2.0'}${p.discovery ? ' (discovery)' : ''}</dd>
    <dt>Grants</dt><dd>${p.grants.map((g) => GRANT_LABELS[g]).join(', ')}</dd>
    ${
      p.clientCredentials
        ? html`${p.clientCredentials.token ? html`<dt>Client-credentials token endpoint</dt><dd class="mono">${p.clientCredentials.token}</dd>` : ''}
    ${p.clientCredentials.grantType !== 'client_credentials' ? html`<dt>grant_type</dt><dd class="mono">${p.clientCredentials.grantType}</dd>` : ''}
    ${p.clientCredentials.defaultScopes.length ? html`<dt>Default scopes (client credentials)</dt><dd class="mono">${p.clientCredentials.defaultScopes.join(p.scopeSeparator)}</dd>` : ''}
    ${Object.entries(p.clientCredentials.tokenParams).map(([k, v]) => html`<dt>Token parameter</dt><dd class="mono">${k}=${v}</dd>`)}
    ${p.clientCredentials.notes ? html`<dt>Client credentials</dt><dd>${p.clientCredentials.notes}</dd>` : ''}`
        : ''
    }
    ${p.issuer ? html`<dt>Issuer</dt><dd class="mono">${p.issuer}</dd>` : ''}
    ${endpoints.map(([k, v]) => html`<dt>${k} endpoint</dt><dd class="mono">${v}</dd>`)}
    <dt>Client authentication</dt><dd class="mono">${p.clientAuth}</dd>
    ${supportsConsent(p) ? html`<dt>PKCE</dt><dd>${p.pkce ? 'S256 on every flow' : 'not used'}</dd>` : ''}
    <dt>Refresh tokens</dt><dd>${p.refreshToken.issued}${p.refreshToken.rotates === true ? ', rotating' : ''}${p.refreshToken.lifetimeDays ? `, ${p.refreshToken.lifetimeDays} days${lifetimeCondition(p.refreshToken.lifetimeWhen)}` : ''}${p.refreshToken.notes ? html`<br><span class="muted">${p.refreshToken.notes}</span>` : ''}</dd>
    </dl></div>
    ${
      p.templates.length
        ? html`<h2>Values you will be asked for</h2><div class="card"><dl class="facts">${p.templates.map(
            (t) =>
              html`<dt>${t.label}</dt><dd>${t.description}${t.examples.length ? html`<br><span class="muted">e.g. ${t.examples.join(', ')}</span>` : ''}</dd>`,
          )}</dl></div>`
        : ''
    }
    ${
      p.scopes.length
        ? html`<h2>Scopes</h2><div class="table-wrap"><table><thead><tr><th>Scope</th><th>What it grants</th></tr></thead><tbody>${p.scopes.map(
            (s) => html`<tr><td class="mono">${s.name}</td><td>${s.description}</td></tr>`,
          )}</tbody></table></div>`
        : ''
    }
    ${
      Object.keys(p.presets).length
        ? html`<h2>Presets</h2><div class="card"><dl class="facts">${Object.entries(p.presets).map(
            ([name, scopes]) => html`<dt>${name}</dt><dd class="mono">${scopes.join(' ')}</dd>`,
          )}</dl></div>`
        : ''
    }
    ${p.uncertain.length ? html`<h2>Unconfirmed facts</h2><ul class="muted">${p.uncertain.map((u) => html`<li>${u}</li>`)}</ul>` : ''}`;
}

/** "when publishing_status is testing" for lifetimes that apply only to some registrations. */
function lifetimeCondition(when: Record<string, string> | undefined): string {
  const parts = Object.entries(when ?? {}).map(([k, v]) => `${k.replace(/_/g, ' ')} is ${v}`);
  return parts.length ? ` (only when ${parts.join(' and ')})` : '';
}
