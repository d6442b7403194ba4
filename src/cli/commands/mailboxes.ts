import type { Command } from 'commander';
import type { Consentry } from '../../app.ts';
import { OPERATOR } from '../../console/actor.ts';
import type { Mailbox, MailboxHealth, MailSecurity, MailServer } from '../../consumers/mail/mailbox.ts';
import { ConsentryError } from '../../domain/errors.ts';
import { printJson, printTable, withConsentry } from '../context.ts';
import { awaitHandoff } from './connect.ts';
import { connectionJson } from './connections.ts';

/**
 * `mailboxes list|add|connect|send-test|inbox|remove` — the mail consumer's accounts, through the
 * same MailService as the console's Mailboxes pages. The CLI runs as the machine's operator and
 * sees every mailbox; `add --owner` gives one to a console user (else administrators only).
 */
export function mailboxJson(
  m: Mailbox,
  health: MailboxHealth,
  owner: string | undefined,
  /** `application`: app-only access (client credentials), no person consents. */
  access: 'user' | 'application' = 'user',
) {
  return {
    id: m.id,
    address: m.address || null,
    client: m.clientRef,
    owner: owner ?? null,
    imap: m.imap,
    smtp: m.smtp,
    connection: m.connectionRef ?? null,
    access,
    health: health.state,
    healthMessage: health.message,
    lastUsedAt: m.lastUsedAt?.toISOString() ?? null,
    createdAt: m.createdAt.toISOString(),
  };
}

const SECURITIES = ['tls', 'starttls', 'none'] as const;
const DEFAULT_PORTS = {
  imap: { tls: 993, starttls: 143, none: 143 },
  smtp: { tls: 465, starttls: 587, none: 25 },
};

/** `--imap-host/--imap-port/--imap-security` (or smtp): undefined without a host = the provider's. */
function serverOption(
  opts: Record<string, string | undefined>,
  kind: 'imap' | 'smtp',
): MailServer | undefined {
  const host = opts[`${kind}Host`];
  if (!host) {
    if (opts[`${kind}Port`] || opts[`${kind}Security`])
      throw new ConsentryError('BAD_REQUEST', {
        detail: `--${kind}-port and --${kind}-security need --${kind}-host.`,
      });
    return undefined;
  }
  const security = (opts[`${kind}Security`] ?? 'tls') as MailSecurity;
  if (!(SECURITIES as readonly string[]).includes(security))
    throw new ConsentryError('BAD_REQUEST', {
      detail: `--${kind}-security must be ${SECURITIES.join(', ')}.`,
    });
  const port = opts[`${kind}Port`] ? Number(opts[`${kind}Port`]) : DEFAULT_PORTS[kind][security];
  return { host, port, security };
}

async function ownerEmails(app: Consentry): Promise<Map<string, string>> {
  return new Map((await app.console.users.list()).map((u) => [u.id, u.email]));
}

const server = (s: MailServer) => `${s.host}:${s.port} ${s.security}`;

export function registerMailboxesCommands(program: Command): void {
  const mailboxes = program
    .command('mailboxes')
    .description('mail accounts: read over IMAP and send over SMTP with XOAUTH2 (one consent each)');

  mailboxes
    .command('list')
    .description('every mailbox with its servers, owner and connection health (no tokens)')
    .option('--json', 'machine-readable output')
    .action(async (opts: { json?: boolean }) => {
      await withConsentry(async (app) => {
        const mail = app.features.mail;
        const owners = await ownerEmails(app);
        const rows = await Promise.all(
          (await mail.list()).map(async (m) =>
            mailboxJson(
              m,
              await mail.health(m),
              m.ownerRef ? (owners.get(m.ownerRef) ?? m.ownerRef) : undefined,
              await mail.accessOf(m),
            ),
          ),
        );
        if (opts.json) printJson(rows);
        else
          printTable(
            rows.map((r) => ({ ...r, imap: server(r.imap), smtp: server(r.smtp) })),
            ['id', 'address', 'owner', 'health', 'imap', 'smtp'],
          );
      });
    });

  mailboxes
    .command('add')
    .description('add a mailbox; the servers default from the provider (Google, Microsoft, demo)')
    .requiredOption(
      '--client <client>',
      'registered client of a provider with a “mail” preset (id, name or provider/name)',
    )
    .option('--address <addr>', 'the mailbox address (blank: the address of the account that consents)')
    .option('--name <name>', 'sender name')
    .option('--owner <email>', 'the console user it belongs to (default: none — administrators only)')
    .option(
      '--access <access>',
      'user (a person consents, default) or application (app-only: the client’s own token acts as --address; Microsoft)',
      'user',
    )
    .option(
      '--connection <id>',
      'with --access application: an existing client-credentials connection to use',
    )
    .option('--imap-host <host>', 'IMAP server (default: the provider’s)')
    .option('--imap-port <port>', 'IMAP port (default: 993 for tls, 143 otherwise)')
    .option('--imap-security <mode>', `IMAP security: ${SECURITIES.join(', ')} (default tls)`)
    .option('--smtp-host <host>', 'SMTP server (default: the provider’s)')
    .option('--smtp-port <port>', 'SMTP port (default: 465 for tls, 587 for starttls, 25 for none)')
    .option('--smtp-security <mode>', `SMTP security: ${SECURITIES.join(', ')} (default tls)`)
    .option('--json', 'machine-readable output')
    .action(async (opts: Record<string, string | undefined> & { json?: boolean }) => {
      const imap = serverOption(opts, 'imap');
      const smtp = serverOption(opts, 'smtp');
      if (opts.access !== 'user' && opts.access !== 'application')
        throw new ConsentryError('BAD_REQUEST', { detail: '--access must be user or application.' });
      const access = opts.access;
      await withConsentry(async (app) => {
        const client = await app.console.oauth.findClient(OPERATOR, opts.client ?? '');
        let ownerRef: string | undefined;
        if (opts.owner) {
          const email = opts.owner.trim().toLowerCase();
          ownerRef = (await app.console.users.list()).find((u) => u.email === email)?.id;
          if (!ownerRef)
            throw new ConsentryError('USER_UNKNOWN', { detail: `No console user has the email ${email}.` });
        }
        const m = await app.features.mail.createAccount({
          clientRef: client.id,
          address: opts.address,
          displayName: opts.name,
          imap,
          smtp,
          ownerRef,
          access,
          connectionRef: opts.connection,
        });
        const row = mailboxJson(
          m,
          await app.features.mail.health(m),
          opts.owner?.trim().toLowerCase(),
          access,
        );
        if (opts.json) printJson(row);
        else if (access === 'application')
          process.stdout.write(
            `Added mailbox ${m.id} (${m.address}) with application access (connection ${m.connectionRef}): IMAP ${server(m.imap)}, SMTP ${server(m.smtp)}.\n`,
          );
        else
          process.stdout.write(
            `Added mailbox ${m.id} (${m.address || 'address set on connect'}): IMAP ${server(m.imap)}, SMTP ${server(m.smtp)}.\nConnect it: consentry mailboxes connect ${m.id}\n`,
          );
      });
    });

  mailboxes
    .command('connect <id>')
    .description('connect or reconnect a mailbox: prints the consent link and waits for the flow to complete')
    .option('--timeout <seconds>', 'how long to wait', '600')
    .option('--json', 'machine-readable output (the connection, once connected)')
    .action(async (id: string, opts: { timeout: string; json?: boolean }) => {
      await withConsentry(async (app) => {
        const m = await app.features.mail.get(id);
        // A Google service account: no consent, the connection is made here and now.
        if (await app.features.mail.isServiceAccount(m)) {
          const connection = await app.features.mail.connectServiceAccount(m.id);
          if (opts.json) printJson(connectionJson(connection));
          else
            process.stdout.write(
              `Connected mailbox ${m.id} as ${connection.account ?? '?'} through its service account (connection ${connection.id}).\n`,
            );
          return;
        }
        if ((await app.features.mail.accessOf(m)) === 'application') {
          // App-only: nobody consents; the application token is requested again now.
          const renewed = await app.features.mail.renewApplicationAccess(m.id);
          const connection = await app.console.oauth.getConnection(OPERATOR, renewed.connectionRef!);
          if (opts.json) printJson(connectionJson(connection));
          else
            process.stdout.write(
              `Mailbox ${m.id} uses application access: requested a new application token (connection ${connection.id}).\n`,
            );
          return;
        }
        // The console's one-time link, claimed by the mail service so that the browser that opens
        // it runs this mailbox's `mail` flow (the link names the flow; the flow names the link).
        const link = await app.console.oauth.createHandoff(OPERATOR, {
          clientId: m.clientRef,
          preset: 'mail',
        });
        await app.features.mail.attachHandoff(m.id, link.id);
        const connection = await awaitHandoff(app, link, opts.timeout);
        if (opts.json) printJson(connectionJson(connection));
        else
          process.stdout.write(
            `Connected mailbox ${m.id} as ${connection.account ?? connection.subject ?? '?'} (connection ${connection.id}).\n`,
          );
      });
    });

  mailboxes
    .command('send-test <id>')
    .description('send a test message from the mailbox over SMTP (XOAUTH2)')
    .requiredOption('--to <addr>', 'recipient')
    .option('--subject <text>', 'subject', 'Consentry test message')
    .option('--json', 'machine-readable output')
    .action(async (id: string, opts: { to: string; subject: string; json?: boolean }) => {
      if (!/^[^\s@<>]+@[^\s@<>]+$/.test(opts.to.trim()))
        throw new ConsentryError('BAD_REQUEST', { detail: '--to must be one email address.' });
      await withConsentry(async (app) => {
        const sent = await app.features.mail.send(id, {
          to: opts.to.trim(),
          subject: opts.subject.slice(0, 200),
          text: 'This test message was sent by Consentry over SMTP with XOAUTH2.',
        });
        if (opts.json) printJson(sent);
        else process.stdout.write(`Test message sent to ${sent.accepted.join(', ') || opts.to}.\n`);
      });
    });

  mailboxes
    .command('inbox <id>')
    .description('the newest messages of the mailbox’s INBOX over IMAP, newest first (read-only)')
    .option('--limit <n>', 'how many (1–100)', '10')
    .option('--json', 'machine-readable output')
    .action(async (id: string, opts: { limit: string; json?: boolean }) => {
      const limit = Number(opts.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 100)
        throw new ConsentryError('BAD_REQUEST', { detail: '--limit must be a whole number from 1 to 100.' });
      await withConsentry(async (app) => {
        const messages = (await app.features.mail.listNewest(id, { limit })).map((x) => ({
          uid: x.uid,
          date: x.date?.toISOString() ?? null,
          from: x.from,
          subject: x.subject,
        }));
        if (opts.json) printJson(messages);
        else printTable(messages, ['date', 'from', 'subject']);
      });
    });

  mailboxes
    .command('remove <id>')
    .description(
      'remove a mailbox and its connection (an application connection other mailboxes share stays)',
    )
    .action(async (id: string) => {
      await withConsentry(async (app) => {
        await app.features.mail.delete(id);
        process.stdout.write(`Removed mailbox ${id}.\n`);
      });
    });
}
