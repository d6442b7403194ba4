import type { Command } from 'commander';
import { cliAuditActor } from '../../console/actor.ts';
import { ALL_PERMISSIONS, parsePermissions } from '../../console/permissions.ts';
import { ConsentryError } from '../../domain/errors.ts';
import type { ConsoleUser } from '../../storage/console.ports.ts';
import { printJson, printTable, withConsentry } from '../context.ts';
import { readSecret } from '../read-secret.ts';

/** `users create|list|set-permissions|set-password|delete` — console users. */
function userJson(u: ConsoleUser) {
  return {
    id: u.id,
    email: u.email,
    permissions: u.permissions,
    disabled: u.disabled,
    createdAt: u.createdAt.toISOString(),
  };
}

function permissionsOf(admin: boolean | undefined, list: string | undefined) {
  if (admin) return ALL_PERMISSIONS;
  try {
    return parsePermissions(list ?? 'connect_accounts');
  } catch (e) {
    throw new ConsentryError('USER_INVALID', { detail: (e as Error).message });
  }
}

export function registerUsersCommands(program: Command): void {
  const users = program
    .command('users')
    .description('console users (password from a prompt or stdin, never an argument)');

  users
    .command('create')
    .description('create a console user; the password is read from a prompt, or from stdin when piped')
    .requiredOption('--email <email>', 'sign-in email address')
    .option('--admin', `every permission (${ALL_PERMISSIONS.join(', ')})`)
    .option(
      '--permissions <list>',
      `comma-separated: ${ALL_PERMISSIONS.join(', ')} (default connect_accounts)`,
    )
    .option('--json', 'machine-readable output')
    .action(async (opts: { email: string; admin?: boolean; permissions?: string; json?: boolean }) => {
      const permissions = permissionsOf(opts.admin, opts.permissions);
      const password = await readSecret('Password: ');
      if (process.stdin.isTTY && (await readSecret('Repeat the password: ')) !== password)
        throw new ConsentryError('USER_INVALID', { detail: 'The two passwords differ.' });
      await withConsentry(async (app) => {
        const u = await app.console.users.create(
          { email: opts.email, password, permissions },
          cliAuditActor(),
        );
        if (opts.json) printJson(userJson(u));
        else
          process.stdout.write(`Created ${u.email} with ${u.permissions.join(', ') || 'no permissions'}.\n`);
      });
    });

  users
    .command('list')
    .option('--json', 'machine-readable output')
    .action(async (opts: { json?: boolean }) => {
      await withConsentry(async (app) => {
        const rows = (await app.console.users.list()).map(userJson);
        if (opts.json) printJson(rows);
        else
          printTable(
            rows.map((r) => ({ ...r, permissions: r.permissions.join(',') })),
            ['id', 'email', 'permissions'],
          );
      });
    });

  users
    .command('set-permissions <email>')
    .option('--admin', 'every permission')
    .option('--permissions <list>', 'comma-separated permission names')
    .option('--json', 'machine-readable output')
    .action(async (email: string, opts: { admin?: boolean; permissions?: string; json?: boolean }) => {
      await withConsentry(async (app) => {
        const u = (await app.console.users.list()).find((x) => x.email === email.toLowerCase());
        if (!u) throw new ConsentryError('USER_UNKNOWN');
        const updated = await app.console.users.setPermissions(
          u.id,
          permissionsOf(opts.admin, opts.permissions),
          undefined,
          cliAuditActor(),
        );
        if (opts.json) printJson(userJson(updated));
        else
          process.stdout.write(`${updated.email}: ${updated.permissions.join(', ') || 'no permissions'}.\n`);
      });
    });

  users
    .command('set-password <email>')
    .description('replace a password (prompt or stdin) and end that user’s sessions')
    .action(async (email: string) => {
      const password = await readSecret('New password: ');
      await withConsentry(async (app) => {
        const u = (await app.console.users.list()).find((x) => x.email === email.toLowerCase());
        if (!u) throw new ConsentryError('USER_UNKNOWN');
        await app.console.users.setPassword(u.id, password);
        process.stdout.write(`Password of ${u.email} replaced; their sessions were ended.\n`);
      });
    });

  users.command('delete <email>').action(async (email: string) => {
    await withConsentry(async (app) => {
      const u = (await app.console.users.list()).find((x) => x.email === email.toLowerCase());
      if (!u) throw new ConsentryError('USER_UNKNOWN');
      await app.console.users.delete(u.id, undefined, cliAuditActor());
      process.stdout.write(`Deleted ${u.email}.\n`);
    });
  });
}
