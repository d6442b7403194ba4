import type { Command } from 'commander';
import { OPERATOR } from '../../console/actor.ts';
import { ALL_API_SCOPES } from '../../integrations/api-keys.ts';
import type { ApiKey } from '../../storage/integrations.ports.ts';
import { printJson, printTable, withConsentry } from '../context.ts';

/**
 * `consentry api-keys create|list|revoke` — keys for the JSON API (/api/v1). The key is printed
 * by `create` only, once: only its SHA-256 is stored.
 */
export function apiKeyJson(k: ApiKey) {
  return {
    id: k.id,
    name: k.name,
    prefix: k.prefix,
    scopes: k.scopes,
    createdBy: k.createdBy ?? null,
    createdAt: k.createdAt.toISOString(),
    lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
    revokedAt: k.revokedAt?.toISOString() ?? null,
  };
}

const list = (v: string, prev: string[] = []) => [...prev, ...v.split(/[\s,]+/).filter(Boolean)];

export function registerApiKeysCommands(program: Command): void {
  const keys = program.command('api-keys').description('API keys for the JSON API (/api/v1)');

  keys
    .command('create')
    .description('create a key; prints it ONCE')
    .requiredOption('--name <name>', 'what uses it (e.g. "billing service")')
    .requiredOption('--scope <scopes...>', `one or more of: ${ALL_API_SCOPES.join(', ')}`, list)
    .option('--json', 'machine-readable output')
    .action(async (opts: { name: string; scope: string[]; json?: boolean }) => {
      await withConsentry(async (app) => {
        const { apiKey, key } = await app.integrations.apiKeys.create(OPERATOR, {
          name: opts.name,
          scopes: opts.scope,
        });
        if (opts.json) return printJson({ ...apiKeyJson(apiKey), key });
        process.stdout.write(
          `API key ${apiKey.id} (${apiKey.name}), scopes: ${apiKey.scopes.join(' ')}\n\n  ${key}\n\nShown once — store it now. Use it as: Authorization: Bearer <key>\n`,
        );
      });
    });

  keys
    .command('list')
    .description('keys (never the key itself)')
    .option('--json', 'machine-readable output')
    .action(async (opts: { json?: boolean }) => {
      await withConsentry(async (app) => {
        const rows = (await app.integrations.apiKeys.list(OPERATOR)).map(apiKeyJson);
        if (opts.json) return printJson(rows);
        printTable(
          rows.map((r) => ({ ...r, scopes: r.scopes.join(' '), status: r.revokedAt ? 'revoked' : 'active' })),
          ['id', 'name', 'prefix', 'scopes', 'status', 'lastUsedAt'],
        );
      });
    });

  keys
    .command('revoke <id>')
    .description(
      'revoke a key: calls with it are refused from now on (a key id from before ak_ ids that begins with "-": `api-keys revoke -- <id>`)',
    )
    .option('--json', 'machine-readable output')
    .action(async (id: string, opts: { json?: boolean }) => {
      await withConsentry(async (app) => {
        const k = await app.integrations.apiKeys.revoke(OPERATOR, id);
        if (opts.json) return printJson(apiKeyJson(k));
        process.stdout.write(`Revoked API key ${k.id} (${k.name}).\n`);
      });
    });
}
