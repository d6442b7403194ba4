import type { Command } from 'commander';
import type { AuditEvent } from '../../domain/audit.ts';
import { ConsentryError } from '../../domain/errors.ts';
import { printJson, printTable, withConsentry } from '../context.ts';

/**
 * `audit list|verify` — the hash-chained audit trail (issue 10, docs/audit.md).
 * `verify` exits non-zero (AUDIT_CHAIN_BROKEN) naming the first row that was edited or deleted.
 */
export function registerAuditCommands(program: Command): void {
  const audit = program.command('audit').description('the tamper-evident audit trail');

  audit
    .command('list')
    .description('audit events, newest first')
    .option('--action <action>', 'only this action, e.g. user.create')
    .option('--actor <actor>', 'only this actor (email, user@host or user id)')
    .option('--since <date>', 'from this ISO date or time')
    .option('--until <date>', 'before this ISO date or time')
    .option('--limit <n>', 'at most this many events', '100')
    .option('--json', 'machine-readable output')
    .action(
      async (opts: {
        action?: string;
        actor?: string;
        since?: string;
        until?: string;
        limit: string;
        json?: boolean;
      }) => {
        await withConsentry(async (app) => {
          const events = await app.audit.list({
            action: opts.action,
            actor: opts.actor,
            from: dateOf(opts.since, '--since'),
            to: dateOf(opts.until, '--until'),
            limit: Math.max(1, Number(opts.limit) || 100),
          });
          if (opts.json) return printJson(events.map(auditJson));
          printTable(
            events.map((e) => ({
              seq: e.seq,
              at: e.at,
              action: e.action,
              actor: `${e.actor.label}${e.actor.address ? ` (${e.actor.address})` : ''}`,
              target: e.target ? `${e.target.type} ${e.target.id}` : '',
            })),
            ['seq', 'at', 'action', 'actor', 'target'],
          );
        });
      },
    );

  audit
    .command('verify')
    .description('check the hash chain: exits non-zero naming the first edited or deleted row')
    .option('--json', 'machine-readable output')
    .action(async (opts: { json?: boolean }) => {
      await withConsentry(async (app) => {
        const result = await app.audit.verify();
        if (opts.json) printJson(result);
        else if (result.ok)
          process.stdout.write(
            `Audit trail intact: ${result.checked} row(s), head ${result.head.seq} ${result.head.hash}.\n`,
          );
        if (!result.ok)
          throw new ConsentryError('AUDIT_CHAIN_BROKEN', {
            detail: `The audit trail was altered at row ${result.problem!.seq}: ${result.problem!.message}.`,
            facts: { seq: result.problem!.seq, kind: result.problem!.kind },
          });
      });
    });
}

export function auditJson(e: AuditEvent) {
  return {
    seq: e.seq,
    at: e.at.toISOString(),
    action: e.action,
    actor: e.actor,
    target: e.target ?? null,
    details: e.details,
    prevHash: e.prevHash,
    hash: e.hash,
  };
}

function dateOf(value: string | undefined, flag: string): Date | undefined {
  if (!value) return undefined;
  const d = new Date(value);
  if (Number.isNaN(d.getTime()))
    throw new ConsentryError('BAD_REQUEST', {
      detail: `${flag} is not a date (use ISO 8601, e.g. 2026-11-29).`,
    });
  return d;
}
