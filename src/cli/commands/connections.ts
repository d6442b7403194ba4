import type { Command } from 'commander';
import { OPERATOR } from '../../console/actor.ts';
import { ConsentryError } from '../../domain/errors.ts';
import type { ConnectionSummary } from '../../storage/ports.ts';
import { printJson, printTable, withConsentry, withReader } from '../context.ts';

/** `connections list|show|refresh|revoke|delete|inspect` — tokens only with `inspect --reveal`. */
export function connectionJson(c: ConnectionSummary) {
  return {
    id: c.id,
    client: c.clientRef,
    provider: c.providerKey,
    purpose: c.purpose,
    // Issue 16: how the tokens are renewed (authorization_code, client_credentials, jwt_bearer).
    grant: c.grantType,
    account: c.account ?? null,
    scopes: c.scopes,
    status: c.status,
    statusReason: c.statusReason ?? null,
    expiresAt: c.expiresAt?.toISOString() ?? null,
    lastRefreshAt: c.lastRefreshAt?.toISOString() ?? null,
    lastError: c.lastError ?? null,
    // Issue 11: the named cause and its evidence (provider error, description, when, attempts).
    cause: c.health?.cause ?? null,
    evidence: c.health?.evidence ?? null,
    refreshExpiresAt: c.refreshExpiresAt?.toISOString() ?? null,
    nextAttemptAt: c.nextAttemptAt?.toISOString() ?? null,
    hasRefreshToken: c.hasRefreshToken,
    createdAt: c.createdAt.toISOString(),
  };
}

const STATUSES = ['active', 'needs_reauth', 'revoked'] as const;

export function registerConnectionsCommands(program: Command): void {
  const connections = program.command('connections').description('connected accounts and their tokens');

  connections
    .command('list')
    .description('connections (no tokens)')
    .option('--client <client>', 'only this client (id, name or provider/name)')
    .option('--status <status>', `only this status: ${STATUSES.join(', ')}`)
    .option('--json', 'machine-readable output')
    .action(async (opts: { client?: string; status?: string; json?: boolean }) => {
      if (opts.status && !(STATUSES as readonly string[]).includes(opts.status))
        throw new ConsentryError('BAD_REQUEST', {
          detail: `--status must be one of ${STATUSES.join(', ')}.`,
        });
      await withReader(async (app) => {
        const clientRef = opts.client
          ? (await app.console.oauth.findClient(OPERATOR, opts.client)).id
          : undefined;
        const rows = (
          await app.console.oauth.listConnectionSummaries(OPERATOR, {
            ...(clientRef ? { clientRef } : {}),
            ...(opts.status ? { status: opts.status as (typeof STATUSES)[number] } : {}),
          })
        ).map(connectionJson);
        if (opts.json) printJson(rows);
        else
          printTable(
            rows.map((r) => ({ ...r, scopes: r.scopes.join(' ') })),
            ['id', 'provider', 'grant', 'account', 'purpose', 'status', 'cause', 'expiresAt', 'scopes'],
          );
      });
    });

  const collect = (value: string, previous: string[] = []) => [...previous, value];
  connections
    .command('create')
    .description(
      'a connection without a user: the client’s own token (client credentials, RFC 6749 §4.4); idempotent per client, scopes and parameters',
    )
    .requiredOption('--client <client>', 'registered client (id, name or provider/name)')
    .option('--grant <grant>', 'the grant: client_credentials', 'client_credentials')
    .option('--scope <scope>', 'a scope to request (repeat; none = the provider’s default)', collect, [])
    .option(
      '--param <k=v>',
      'an extra token-request parameter, e.g. resource=https://api… (repeat)',
      collect,
      [],
    )
    .option('--purpose <purpose>', 'the feature it belongs to (a registered purpose)', 'console')
    .option('--json', 'machine-readable output')
    .action(
      async (opts: {
        client: string;
        grant: string;
        scope: string[];
        param: string[];
        purpose: string;
        json?: boolean;
      }) => {
        if (opts.grant !== 'client_credentials')
          throw new ConsentryError('GRANT_UNSUPPORTED', {
            detail: '--grant must be client_credentials (consented connections: consentry connect).',
          });
        const params: Record<string, string> = {};
        for (const p of opts.param) {
          const eq = p.indexOf('=');
          if (eq < 1)
            throw new ConsentryError('BAD_REQUEST', { detail: '--param must look like name=value.' });
          params[p.slice(0, eq)] = p.slice(eq + 1);
        }
        const scopes = opts.scope.flatMap((s) => s.split(/\s+/)).filter(Boolean);
        await withConsentry(async (app) => {
          const client = await app.console.oauth.findClient(OPERATOR, opts.client);
          const c = connectionJson(
            await app.console.oauth.connectApplication(OPERATOR, {
              clientId: client.id,
              scopes,
              params,
              purpose: opts.purpose,
            }),
          );
          if (opts.json) printJson(c);
          else
            process.stdout.write(
              `Connection ${c.id} (${c.grant}, ${c.provider}): scopes ${c.scopes.join(' ') || '(provider default)'}; expires ${c.expiresAt ?? 'never'}; renewed before expiry.\n`,
            );
        });
      },
    );

  connections
    .command('show <id>')
    .description('one connection (no tokens)')
    .option('--json', 'machine-readable output')
    .action(async (id: string, opts: { json?: boolean }) => {
      await withReader(async (app) => {
        const c = connectionJson(await app.console.oauth.getConnection(OPERATOR, id));
        if (opts.json) printJson(c);
        else
          for (const [k, v] of Object.entries(c))
            process.stdout.write(
              `${k.padEnd(16)}${Array.isArray(v) ? v.join(' ') : v && typeof v === 'object' ? JSON.stringify(v) : String(v ?? '—')}\n`,
            );
      });
    });

  connections
    .command('refresh <id>')
    .description('refresh the access token now')
    .option('--json', 'machine-readable output')
    .action(async (id: string, opts: { json?: boolean }) => {
      await withConsentry(async (app) => {
        const c = connectionJson(await app.console.oauth.refreshConnection(OPERATOR, id));
        if (opts.json) printJson(c);
        else process.stdout.write(`Refreshed ${c.id}; expires ${c.expiresAt ?? 'never'}.\n`);
      });
    });

  connections
    .command('revoke <id>')
    .description('revoke at the provider (RFC 7009 where supported), then mark revoked')
    .option('--json', 'machine-readable output')
    .action(async (id: string, opts: { json?: boolean }) => {
      await withConsentry(async (app) => {
        const r = await app.console.oauth.revokeConnection(OPERATOR, id);
        if (opts.json) printJson({ id, status: 'revoked', atProvider: r.atProvider });
        else
          process.stdout.write(
            r.atProvider
              ? `Revoked ${id} at the provider and here.\n`
              : `Marked ${id} revoked (the provider has no revocation endpoint).\n`,
          );
      });
    });

  connections
    .command('delete <id>')
    .description('delete the connection from Consentry')
    .option('--json', 'machine-readable output')
    .action(async (id: string, opts: { json?: boolean }) => {
      await withConsentry(async (app) => {
        await app.console.oauth.deleteConnection(OPERATOR, id);
        if (opts.json) printJson({ deleted: id });
        else process.stdout.write(`Deleted ${id}.\n`);
      });
    });

  connections
    .command('inspect <id>')
    .description(
      'token type, scopes, expiry and the decoded (NOT verified) JWT; the token itself only with --reveal',
    )
    .option('--reveal', 'print the raw access token')
    .option('--json', 'machine-readable output')
    .action(async (id: string, opts: { reveal?: boolean; json?: boolean }) => {
      await withConsentry(async (app) => {
        const i = await app.console.oauth.inspectConnection(OPERATOR, id, { revealed: !!opts.reveal });
        const out = {
          id: i.connectionId,
          tokenType: i.tokenType,
          scopes: i.scopes,
          expiresAt: i.expiresAt?.toISOString() ?? null,
          accessToken: opts.reveal ? i.accessToken : null,
          jwt: i.jwt ? { verified: false, header: i.jwt.header, claims: i.jwt.claims } : null,
          idTokenClaims: i.idTokenClaims ?? null,
        };
        if (opts.json) return printJson(out);
        const w = (s = '') => process.stdout.write(`${s}\n`);
        w(`connection   ${out.id}`);
        w(`token type   ${out.tokenType}`);
        w(`scopes       ${out.scopes.join(' ')}`);
        w(`expires      ${out.expiresAt ?? 'never'}`);
        w(`access token ${opts.reveal ? i.accessToken : '(hidden; add --reveal to print it)'}`);
        if (out.jwt) {
          w('JWT header (decoded, NOT VERIFIED):');
          w(JSON.stringify(out.jwt.header, null, 2));
          w('JWT claims (decoded, NOT VERIFIED):');
          w(JSON.stringify(out.jwt.claims, null, 2));
        } else w('The access token is opaque (not a JWT).');
      });
    });
}
