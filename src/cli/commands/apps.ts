import type { Command } from 'commander';
import { cliAuditActor } from '../../console/actor.ts';
import type { ApiAudience, Application } from '../../domain/application.ts';
import { ConsentryError } from '../../domain/errors.ts';
import { printJson, printTable, withConsentry } from '../context.ts';

/**
 * `consentry apps …` — OAuth applications of the provider role. The client secret is printed only
 * by `create` and `rotate-secret`, once; nothing else can show it again (only its hash is kept).
 */
interface Json {
  json?: boolean;
}

export function applicationJson(a: Application) {
  return {
    id: a.id,
    clientId: a.clientId,
    organization: a.organizationName,
    name: a.name,
    owner: a.ownerEmail,
    audience: a.audience,
    scopes: a.scopes,
    tokenLifetimeSeconds: a.tokenLifetimeSeconds,
    active: a.active,
    previousSecretValidUntil: a.previousSecretValidUntil?.toISOString(),
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
  };
}

function printApplication(a: Application): void {
  const j = applicationJson(a);
  const rows: [string, string][] = [
    ['Client ID', j.clientId],
    ['Name', j.name],
    ['Organization', j.organization],
    ['Owner', j.owner],
    ['API', j.audience],
    ['Scopes', j.scopes.join(' ') || '(none)'],
    ['Token lifetime', `${j.tokenLifetimeSeconds} s`],
    ['Status', j.active ? 'active' : 'inactive'],
    ...(j.previousSecretValidUntil
      ? [['Previous secret valid until', j.previousSecretValidUntil] as [string, string]]
      : []),
    ['Id', j.id],
  ];
  for (const [k, v] of rows) process.stdout.write(`${`${k}:`.padEnd(29)}${v}\n`);
}

/** `2026-12-01T00:00:00Z`, `now`, or a duration from now: `90s`, `30m`, `24h`, `7d`. */
export function parseCutoff(value: string, now = Date.now()): Date {
  if (value === 'now') return new Date(now);
  const m = /^(\d+)\s*([smhd])$/.exec(value.trim());
  if (m)
    return new Date(
      now + Number(m[1]) * { s: 1e3, m: 6e4, h: 36e5, d: 864e5 }[m[2] as 's' | 'm' | 'h' | 'd'],
    );
  const d = new Date(value);
  if (Number.isNaN(d.getTime()))
    throw new ConsentryError('APPLICATION_INVALID', {
      detail: 'The cutoff must be an ISO date, "now", or a duration such as 24h or 7d.',
    });
  return d;
}

const audienceOption = (v: string): ApiAudience => {
  if (v !== 'backend' && v !== 'frontend')
    throw new ConsentryError('APPLICATION_INVALID', { detail: '--audience is backend or frontend.' });
  return v;
};

export function registerAppsCommands(program: Command): void {
  const apps = program.command('apps').description('OAuth applications (provider role: client_credentials)');

  apps
    .command('create')
    .description('create an application; prints its client id and secret ONCE')
    .requiredOption('--organization <name>', 'organization (created if new)')
    .requiredOption('--name <name>', 'application name')
    .requiredOption('--owner <email>', 'owner: a console user’s email (gets a notification)')
    .option('--audience <api>', 'backend or frontend API', audienceOption, 'backend')
    .option('--scopes <scopes>', 'allowed scopes, space- or comma-separated', '')
    .option('--token-lifetime <seconds>', 'access-token lifetime', '3600')
    .option('--inactive', 'create deactivated')
    .option('--json', 'machine-readable output')
    .action(
      async (o: {
        organization: string;
        name: string;
        owner: string;
        audience: ApiAudience;
        scopes: string;
        tokenLifetime: string;
        inactive?: boolean;
        json?: boolean;
      }) => {
        await withConsentry(async (app) => {
          const { application, clientSecret, notification } = await app.authserver.applications.create(
            {
              organization: o.organization,
              name: o.name,
              ownerEmail: o.owner,
              audience: o.audience,
              scopes: o.scopes,
              tokenLifetimeSeconds: o.tokenLifetime,
              active: !o.inactive,
            },
            cliAuditActor(),
          );
          if (o.json) {
            printJson({ ...applicationJson(application), clientSecret, notification });
            return;
          }
          printApplication(application);
          process.stdout.write(
            `\nClient secret: ${clientSecret}\nStore it now: it is shown only this once and cannot be shown again.\n`,
          );
          process.stdout.write(
            notification.sent
              ? `Notification sent to ${notification.to}.\n`
              : `No email was sent to ${notification.to}: ${notification.reason}.\n`,
          );
        });
      },
    );

  apps
    .command('list')
    .description('list applications')
    .option('--name <text>', 'name contains (case-insensitive)')
    .option('--organization <name>', 'organization name or id')
    .option('--status <status>', 'active or inactive')
    .option('--json', 'machine-readable output')
    .action(async (o: { name?: string; organization?: string; status?: string; json?: boolean }) => {
      if (o.status !== undefined && o.status !== 'active' && o.status !== 'inactive')
        throw new ConsentryError('APPLICATION_INVALID', { detail: '--status is active or inactive.' });
      await withConsentry(async (app) => {
        const list = await app.authserver.applications.list({
          ...(o.name ? { name: o.name } : {}),
          ...(o.organization ? { organization: o.organization } : {}),
          ...(o.status ? { status: o.status as 'active' | 'inactive' } : {}),
        });
        if (o.json) return printJson(list.map(applicationJson));
        printTable(
          list.map((a) => ({
            client_id: a.clientId,
            name: a.name,
            organization: a.organizationName,
            api: a.audience,
            status: a.active ? 'active' : 'inactive',
            owner: a.ownerEmail,
          })),
          ['client_id', 'name', 'organization', 'api', 'status', 'owner'],
        );
      });
    });

  apps
    .command('show <application>')
    .description('show one application (id or client id); never its secret')
    .option('--json', 'machine-readable output')
    .action(async (ref: string, o: Json) => {
      await withConsentry(async (app) => {
        const a = await app.authserver.applications.get(ref);
        if (o.json) printJson(applicationJson(a));
        else printApplication(a);
      });
    });

  apps
    .command('update <application>')
    .description('edit an application')
    .option('--organization <name>', 'move to organization (created if new)')
    .option('--name <name>', 'application name')
    .option('--owner <email>', 'owner email')
    .option('--audience <api>', 'backend or frontend API', audienceOption)
    .option('--scopes <scopes>', 'allowed scopes (replaces the list)')
    .option('--token-lifetime <seconds>', 'access-token lifetime')
    .option('--json', 'machine-readable output')
    .action(
      async (
        ref: string,
        o: Json & {
          organization?: string;
          name?: string;
          owner?: string;
          audience?: ApiAudience;
          scopes?: string;
          tokenLifetime?: string;
        },
      ) => {
        await withConsentry(async (app) => {
          const a = await app.authserver.applications.update(ref, {
            organization: o.organization,
            name: o.name,
            ownerEmail: o.owner,
            audience: o.audience,
            scopes: o.scopes,
            tokenLifetimeSeconds: o.tokenLifetime,
          });
          if (o.json) printJson(applicationJson(a));
          else printApplication(a);
        });
      },
    );

  for (const [name, description] of [
    ['deactivate', 'deactivate at once: no new tokens, issued tokens refused'],
    ['activate', 'activate again (tokens issued before a deactivation stay refused)'],
    ['delete', 'delete the application'],
  ] as const) {
    apps
      .command(`${name} <application>`)
      .description(description)
      .option('--json', 'machine-readable output')
      .action(async (ref: string, o: Json) => {
        await withConsentry(async (app) => {
          const a = await app.authserver.applications[name](ref, cliAuditActor());
          if (o.json) printJson({ ...applicationJson(a), ...(name === 'delete' ? { deleted: true } : {}) });
          else
            process.stdout.write(
              `${name === 'delete' ? 'Deleted' : name === 'activate' ? 'Activated' : 'Deactivated'} ${a.name} (${a.clientId}).\n`,
            );
        });
      });
  }

  apps
    .command('rotate-secret <application>')
    .description('issue a new client secret (printed ONCE); the old one works until the cutoff')
    .option(
      '--old-secret-valid-until <when>',
      'cutoff for the old secret: ISO date, "now", or a duration such as 24h (default: now)',
      'now',
    )
    .option('--json', 'machine-readable output')
    .action(async (ref: string, o: Json & { oldSecretValidUntil: string }) => {
      const cutoff = parseCutoff(o.oldSecretValidUntil);
      await withConsentry(async (app) => {
        const { application, clientSecret } = await app.authserver.applications.rotateSecret(
          ref,
          { oldSecretValidUntil: cutoff },
          cliAuditActor(),
        );
        if (o.json) return printJson({ ...applicationJson(application), clientSecret });
        process.stdout.write(
          `New client secret for ${application.name} (${application.clientId}):\n${clientSecret}\nStore it now: it is shown only this once.\nThe previous secret is valid until ${cutoff.toISOString()}.\n`,
        );
      });
    });
}
