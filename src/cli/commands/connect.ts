import { setTimeout as sleep } from 'node:timers/promises';
import type { Command } from 'commander';
import type { Consentry } from '../../app.ts';
import { OPERATOR } from '../../console/actor.ts';
import type { Connection } from '../../domain/connection.ts';
import { ConsentryError, ERROR_CATALOGUE, type ErrorCode } from '../../domain/errors.ts';
import { printJson, withConsentry } from '../context.ts';
import { connectionJson } from './connections.ts';

/**
 * `connect <client>`: prints a one-time link to open in a browser and waits until the flow
 * completes. The link goes to this Consentry's server (which must be running at PUBLIC_BASE_URL):
 * it starts the flow bound to that browser's session and redirects to the provider's consent page.
 */
export function registerConnectCommand(program: Command): void {
  program
    .command('connect <client>')
    .description('connect an account: prints the consent link and waits for the flow to complete')
    .option('--scopes <scopes>', 'space- or comma-separated scopes (default: the provider’s login preset)')
    .option('--preset <name>', 'a named scope set of the provider (providers show <key>)')
    .option('--timeout <seconds>', 'how long to wait', '600')
    .option('--json', 'machine-readable output (the connection, once connected)')
    .action(
      async (ref: string, opts: { scopes?: string; preset?: string; timeout: string; json?: boolean }) => {
        await withConsentry(async (app) => {
          const client = await app.console.oauth.findClient(OPERATOR, ref);
          const scopes = opts.scopes?.split(/[\s,]+/).filter(Boolean);
          const link = await app.console.oauth.createHandoff(OPERATOR, {
            clientId: client.id,
            scopes,
            preset: opts.preset,
          });
          const connection = await awaitHandoff(app, link, opts.timeout);
          if (opts.json) printJson(connectionJson(connection));
          else
            process.stdout.write(
              `Connected ${connection.account ?? connection.subject ?? ''} (${connection.id}); scopes ${connection.scopes.join(' ')}.\n`,
            );
        });
      },
    );
}

/**
 * Prints a hand-off link (stdout; the instructions on stderr) and waits until the browser that
 * opens it completes the flow. Shared by `connect` and `mailboxes connect` (whose link starts the
 * mailbox's own flow, see OAuthAdminOptions.handoffFlows).
 */
export async function awaitHandoff(
  app: Consentry,
  link: { id: string; url: string },
  timeoutSeconds: string | number = 600,
): Promise<Connection> {
  process.stderr.write(
    'Open this link in a browser to sign in at the provider and consent (valid 10 minutes, once):\n',
  );
  process.stdout.write(`${link.url}\n`);
  process.stderr.write('Waiting for the flow to complete… (Ctrl-C to stop)\n');
  const deadline = Date.now() + Math.max(1, Number(timeoutSeconds) || 600) * 1000;
  while (Date.now() < deadline) {
    const r = await app.console.oauth.handoffResult(link.id);
    if (r.connection) return r.connection;
    // The flow failed in the browser: its own code and message, now, not after --timeout.
    if (r.failure) throw handoffFailure(r.failure);
    if (!r.used && r.expired) break;
    await sleep(500);
  }
  throw new ConsentryError('HANDOFF_INVALID', {
    detail: 'No connection arrived before the link expired or --timeout passed.',
  });
}

/** The stored failure as the error it was (its catalogue code; the stored message is the safe text). */
function handoffFailure(failure: { code: string; message: string }): ConsentryError {
  const code = (failure.code in ERROR_CATALOGUE ? failure.code : 'INTERNAL') as ErrorCode;
  const error = new ConsentryError(code, { facts: { handoff: 'failed' } });
  // The message was built from the same catalogue by the server that saw the failure.
  if (failure.message) Object.defineProperty(error, 'message', { value: failure.message });
  return error;
}
