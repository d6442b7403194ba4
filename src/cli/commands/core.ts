import type { Command } from 'commander';
import { loadServerConfig } from '../../config/config.ts';
import { migrateToLatest, openDatabase } from '../../storage/database.ts';
import { printJson, withConsentry } from '../context.ts';

/** `db migrate`, `redirect-url`. */
export function registerCoreCommands(program: Command): void {
  program
    .command('redirect-url')
    .description('print the one Redirect URL to register at every provider')
    .option('--json', 'machine-readable output')
    .action((opts: { json?: boolean }) => {
      const config = loadServerConfig();
      if (opts.json) printJson({ redirectUrl: config.redirectUri });
      else process.stdout.write(`${config.redirectUri}\n`);
    });

  const db = program.command('db').description('database maintenance');
  db.command('migrate')
    .description('apply pending migrations (the server also does this on start)')
    .option('--json', 'machine-readable output')
    .action(async (opts: { json?: boolean }) => {
      const config = loadServerConfig();
      const handle = openDatabase({ databaseUrl: config.databaseUrl, sqliteFile: config.sqliteFile });
      try {
        const applied = await migrateToLatest(handle.db, {
          lockFile: handle.file && `${handle.file}.migrate.lock`,
        });
        if (opts.json) printJson({ applied, dialect: handle.dialect });
        else
          process.stdout.write(applied.length ? `Applied: ${applied.join(', ')}\n` : 'Already up to date.\n');
      } finally {
        await handle.close();
      }
    });

  program
    .command('health')
    .description('open the store and report what is configured')
    .option('--json', 'machine-readable output')
    .action(async (opts: { json?: boolean }) => {
      await withConsentry(async (app) => {
        const clients = await app.store.clients.list();
        const out = {
          database: app.database.dialect,
          clients: clients.length,
          secretKeyId: app.box.currentKeyId,
        };
        if (opts.json) printJson(out);
        else
          process.stdout.write(
            `database ${out.database}, ${out.clients} client(s), secret key ${out.secretKeyId}\n`,
          );
      });
    });
}
