import type { Command } from 'commander';
import { OPERATOR } from '../../console/actor.ts';
import { serviceAccountOf } from '../../protocol/service-account.ts';
import { printJson, printTable, withConsentry } from '../context.ts';
import { connectionJson } from './connections.ts';

/**
 * `service-accounts list|connect` — Google service accounts (JWT bearer grant, domain-wide
 * delegation). Register one with `consentry clients create --provider google --name …
 * --service-account-key key.json`; connect mailboxes with `consentry mailboxes connect`.
 */
export function registerServiceAccountsCommands(program: Command): void {
  const group = program
    .command('service-accounts')
    .description('Google service accounts: connections acting as users of a Workspace domain');

  group
    .command('list')
    .description('registered service accounts: account, key id, delegation client ID (never the key)')
    .option('--json', 'machine-readable output')
    .action(async (opts: { json?: boolean }) => {
      await withConsentry(async (app) => {
        const rows = (await app.console.oauth.listClients(OPERATOR)).flatMap((c) => {
          const sa = serviceAccountOf(c);
          return sa
            ? [
                {
                  id: c.id,
                  provider: c.providerKey,
                  name: c.name,
                  account: sa.clientEmail,
                  keyId: sa.privateKeyId,
                  delegationClientId: sa.clientId ?? null,
                },
              ]
            : [];
        });
        if (opts.json) printJson(rows);
        else printTable(rows, ['id', 'name', 'account', 'keyId', 'delegationClientId']);
      });
    });

  group
    .command('connect <client>')
    .description(
      'a connection acting as --subject (domain-wide delegation) with --scopes or a --preset’s API scopes; idempotent',
    )
    .option('--subject <email>', 'the user to act as (blank: the service account itself)')
    .option('--scopes <list>', 'scopes, comma- or space-separated')
    .option('--preset <name>', 'the provider preset whose https:// scopes to use (default: mail)')
    .option('--purpose <purpose>', 'the consumer the connection serves (default: console)')
    .option('--json', 'machine-readable output')
    .action(
      async (
        ref: string,
        opts: { subject?: string; scopes?: string; preset?: string; purpose?: string; json?: boolean },
      ) => {
        await withConsentry(async (app) => {
          const client = await app.console.oauth.findClient(OPERATOR, ref);
          const c = await app.console.serviceAccounts.connect(OPERATOR, {
            client: client.id,
            subject: opts.subject,
            scopes: (opts.scopes ?? '').split(/[\s,]+/).filter(Boolean),
            preset: opts.preset,
            purpose: opts.purpose,
          });
          if (opts.json) printJson(connectionJson(c));
          else
            process.stdout.write(
              `Connected ${c.id} as ${c.account ?? '?'} (${c.scopes.join(' ')}), expires ${c.expiresAt?.toISOString() ?? 'never'}; renewed before expiry.\n`,
            );
        });
      },
    );
}
