import type { OAuth2Provider } from './provider.ts';
import type { ProviderRegistry } from './registry.ts';

/**
 * The catalog as documentation, generated from the data: the provider table of
 * docs/providers.md and the provider count in README.md. `scripts/providers-doc.ts` writes them;
 * `test/catalog/catalog-doc.test.ts` fails when a committed file differs from what the data
 * says (so adding an entry without regenerating is caught). Pure functions, no I/O.
 */

/** Entries that are not one provider but a way to reach any (by discovery, or typed-in endpoints). */
export const GENERIC_ENTRIES: readonly string[] = ['oidc', 'custom'];

export interface CatalogCounts {
  /** Named authorization-code providers (without the generic entries). */
  providers: number;
  /** Entries that list the client-credentials grant (RFC 6749 §4.4), with or without authorization code. */
  clientCredentials: number;
  /** Entries that list both grants. */
  both: number;
  aliases: number;
  generic: number;
}

export function catalogCounts(registry: ProviderRegistry): CatalogCounts {
  const all = registry.all();
  const generic = all.filter((p) => GENERIC_ENTRIES.includes(p.key)).length;
  const code = all.filter((p) => p.grants.includes('authorization_code'));
  const client = all.filter((p) => p.grants.includes('client_credentials'));
  return {
    providers: code.length - generic,
    clientCredentials: client.length,
    both: client.filter((p) => p.grants.includes('authorization_code')).length,
    aliases: registry.aliases().length,
    generic,
  };
}

/** The grants column: `code` (authorization code), `client` (client credentials), `jwt` (JWT bearer). */
export function grantsText(p: OAuth2Provider): string {
  const short = { authorization_code: 'code', client_credentials: 'client', jwt_bearer: 'jwt' } as const;
  return p.grants.map((g) => short[g]).join(', ');
}

const SEP: Record<string, string> = { ' ': 'space', ',': 'comma' };

function refreshText(p: OAuth2Provider): string {
  // Client credentials alone: no refresh token, a new token is requested before expiry.
  if (!p.grants.includes('authorization_code')) return '—';
  const r = p.refreshToken;
  const rot = r.rotates === true ? ', rotates' : r.rotates === false ? ', not rotated' : '';
  return `${r.issued}${rot}${r.lifetimeDays ? `, ${r.lifetimeDays} d` : ''}`;
}

function cell(s: string): string {
  return s.replace(/\|/g, '\\|');
}

/** The markdown table of every entry (sorted by display name) and of the aliases. */
export function renderCatalogTable(registry: ProviderRegistry): string {
  const lines = [
    '| key | provider | grants | categories | client auth | PKCE | scope sep. | templates | refresh token | docs |',
    '|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const p of registry.all()) {
    const auth = p.clientAuth.replace('client_secret_', '');
    const code = p.grants.includes('authorization_code');
    const docs = p.docs.registerUrl ? `[register](${p.docs.registerUrl})` : '—';
    const flags = [p.quirks ? `quirks: ${p.quirks}` : '', p.uncertain.length ? '⚠' : ''].filter(Boolean);
    lines.push(
      `| \`${p.key}\` | ${cell(p.displayName)}${flags.length ? ` (${flags.join(', ')})` : ''} | ${grantsText(p)} | ${p.categories.join(', ')} | ${auth} | ${code ? (p.pkce ? 'yes' : 'no') : '—'} | ${SEP[p.scopeSeparator] ?? `\`${p.scopeSeparator}\``} | ${p.templates.map((t) => t.name).join(', ') || '—'} | ${refreshText(p)} | ${docs} |`,
    );
  }
  lines.push('', '| alias | product | entry | grants | preset | categories |', '|---|---|---|---|---|---|');
  for (const a of registry.aliases()) {
    lines.push(
      `| \`${a.key}\` | ${cell(a.displayName)} | \`${a.of}\` | ${grantsText(registry.get(a.of))} | ${a.preset ?? '—'} | ${a.categories.join(', ')} |`,
    );
  }
  return lines.join('\n');
}

/** The sentence README.md and docs/providers.md use for the size of the catalog. */
export function renderCount(registry: ProviderRegistry): string {
  const c = catalogCounts(registry);
  return `${c.providers} authorization-code providers and ${c.clientCredentials} client-credentials providers (${c.both} do both; plus ${c.aliases} aliases such as Gmail, Outlook, Zoho CRM and ADP Workforce Now)`;
}

const MARKERS = {
  table: ['<!-- generated:catalog -->', '<!-- /generated:catalog -->'],
  count: ['<!-- generated:count -->', '<!-- /generated:count -->'],
} as const;

/**
 * Replaces every generated section of a markdown file (between the markers above) with what the
 * data says now. Text outside the markers is left alone; a file without markers is unchanged.
 */
export function updateGeneratedSections(text: string, registry: ProviderRegistry): string {
  const fill = (t: string, [start, end]: readonly [string, string], content: string, block: boolean) =>
    t.replace(
      new RegExp(`${escapeRegExp(start)}[\\s\\S]*?${escapeRegExp(end)}`, 'g'),
      block ? `${start}\n${content}\n${end}` : `${start}${content}${end}`,
    );
  let out = fill(text, MARKERS.table, renderCatalogTable(registry), true);
  out = fill(out, MARKERS.count, renderCount(registry), false);
  return out;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
