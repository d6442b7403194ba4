import type { Command } from 'commander';
import { CATEGORIES, CLIENT_GRANTS } from '../../catalog/provider.ts';
import { OPERATOR } from '../../console/actor.ts';
import { printJson, printTable, withReader } from '../context.ts';

/** `providers list|show` — the catalog, configured or not. */
export function registerProvidersCommands(program: Command): void {
  const providers = program.command('providers').description('the provider catalog');

  providers
    .command('list')
    .description('every provider, with whether a client is registered for it')
    .option('--search <text>', 'filter by name, key, alias, category or scope')
    .option('--category <name>', `only this category (${CATEGORIES.join(', ')})`)
    .option('--grant <name>', `only entries that support this grant (${CLIENT_GRANTS.join(', ')})`)
    .option('--json', 'machine-readable output')
    .action(async (opts: { search?: string; category?: string; grant?: string; json?: boolean }) => {
      await withReader(async (app) => {
        const listing = await app.console.oauth.listProviders(
          opts.search ?? '',
          opts.category ?? '',
          opts.grant ?? '',
        );
        const rows = listing.map(({ provider: p, configured, clients, aliases }) => ({
          key: p.key,
          displayName: p.displayName,
          categories: p.categories,
          grants: p.grants,
          protocol: p.protocol,
          configured,
          clients,
          aliases: aliases.map((a) => a.key),
          registerUrl: p.docs.registerUrl,
        }));
        if (opts.json) return printJson(rows);
        printTable(
          rows.map((r) => ({
            ...r,
            categories: r.categories.join(', '),
            grants: r.grants.join(', '),
            aliases: r.aliases.join(', '),
          })),
          ['key', 'displayName', 'categories', 'grants', 'protocol', 'configured', 'clients', 'aliases'],
        );
        const aliasCount = rows.reduce((n, r) => n + r.aliases.length, 0);
        const count = (g: string) => rows.filter((r) => (r.grants as string[]).includes(g)).length;
        process.stdout.write(
          `${rows.length} providers (${count('authorization_code')} authorization code, ${count('client_credentials')} client credentials)${aliasCount ? `, plus ${aliasCount} aliases` : ''}\n`,
        );
      });
    });

  providers
    .command('show <key>')
    .description('endpoints, scopes, presets, templated fields, and what to register at the provider')
    .option('--json', 'machine-readable output')
    .action(async (key: string, opts: { json?: boolean }) => {
      await withReader(async (app) => {
        const oauth = app.console.oauth;
        const p = oauth.provider(key);
        const clients = await oauth.listClients(OPERATOR, { providerKey: p.key });
        const guide = await oauth.registrationGuide(key);
        const out = {
          key: p.key,
          displayName: p.displayName,
          categories: p.categories,
          aliases: oauth.aliasesOf(p.key),
          protocol: p.protocol,
          issuer: p.issuer,
          discovery: p.discovery,
          grants: p.grants,
          endpoints: p.endpoints,
          clientCredentials: p.clientCredentials,
          clientAuth: p.clientAuth,
          pkce: p.pkce,
          scopes: p.scopes,
          presets: p.presets,
          templates: p.templates.map((t) => ({
            name: t.name,
            label: t.label,
            description: t.description,
            optional: t.optional,
            examples: t.examples,
          })),
          refreshToken: p.refreshToken,
          register: { ...guide, redirectUrlAccepted: oauth.redirectUriIsSecure },
          uncertain: p.uncertain,
          clients: clients.map((c) => ({ id: c.id, name: c.name })),
        };
        if (opts.json) return printJson(out);
        const w = (s = '') => process.stdout.write(`${s}\n`);
        w(`${p.displayName} (${p.key}) — ${p.protocol === 'oidc' ? 'OpenID Connect' : 'OAuth 2.0'}`);
        w(`  categories     ${p.categories.join(', ')}`);
        const aliases = oauth.aliasesOf(p.key);
        if (aliases.length) w(`  also known as  ${aliases.map((a) => a.displayName).join(', ')}`);
        w(`  grants         ${p.grants.join(', ')}`);
        if (p.issuer) w(`  issuer         ${p.issuer}`);
        for (const [k, v] of Object.entries(p.endpoints)) if (v) w(`  ${k.padEnd(14)} ${v}`);
        w(`  client auth    ${p.clientAuth}${p.pkce ? ', PKCE S256' : ''}`);
        if (p.clientCredentials) {
          const cc = p.clientCredentials;
          if (cc.token) w(`  client-credentials token ${cc.token}`);
          if (cc.grantType !== 'client_credentials') w(`  grant_type     ${cc.grantType}`);
          if (cc.defaultScopes.length) w(`  default scopes ${cc.defaultScopes.join(p.scopeSeparator)}`);
          for (const [k, v] of Object.entries(cc.tokenParams)) w(`  token param    ${k}=${v}`);
        }
        if (p.grants.includes('authorization_code'))
          w(
            `  refresh token  ${p.refreshToken.issued}${p.refreshToken.rotates === true ? ', rotating' : ''}`,
          );
        w();
        w('Register at the provider:');
        if (p.grants.includes('authorization_code'))
          w(
            `  Redirect URL   ${oauth.redirectUri}${oauth.redirectUriIsSecure ? '' : '   (WARNING: plain http on a non-localhost host — providers refuse it; use https or localhost)'}`,
          );
        for (const s of guide.scopesToPaste) w(`  Scopes (${s.preset})`.padEnd(17) + s.text);
        if (p.docs.registerUrl) w(`  Where          ${p.docs.registerUrl}`);
        for (const [i, s] of guide.steps.entries()) w(`  ${i + 1}. ${s}`);
        if (p.templates.length) {
          w();
          w('Values asked when registering a client:');
          for (const t of p.templates) w(`  --template ${t.name}=…  ${t.label}: ${t.description}`);
        }
        if (Object.keys(p.presets).length) {
          w();
          w('Presets:');
          for (const [n, s] of Object.entries(p.presets)) w(`  ${n.padEnd(12)} ${s.join(' ')}`);
        }
        if (p.scopes.length) {
          w();
          w('Scopes:');
          for (const s of p.scopes) w(`  ${s.name.padEnd(28)} ${s.description}`);
        }
      });
    });
}
