import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { CLIENT_AUTH_METHODS, type ClientAuthMethod } from '../../catalog/provider.ts';
import { OPERATOR } from '../../console/actor.ts';
import type { RegisteredClient } from '../../domain/connection.ts';
import { ConsentryError } from '../../domain/errors.ts';
import { serviceAccountOf } from '../../protocol/service-account.ts';
import { printJson, printTable, withConsentry } from '../context.ts';
import { readSecret } from '../read-secret.ts';

/** `clients create|list|show|delete` — registered clients (client id, sealed secret, template values). */
export function clientJson(c: RegisteredClient) {
  return {
    id: c.id,
    provider: c.providerKey,
    name: c.name,
    clientId: c.clientId,
    hasClientSecret: c.hasClientSecret,
    /** The override, or `auto` (metadata and catalog decide). */
    clientAuth: typeof c.options.clientAuth === 'string' ? c.options.clientAuth : 'auto',
    hasClientKey: c.hasClientKey === true,
    publicJwk: c.hasClientKey ? c.options.publicJwk : undefined,
    // A Google service account: only the account, key id and delegation client id, never the key.
    serviceAccount: serviceAccountOf(c),
    templateValues: c.templateValues,
    builtIn: c.options.builtIn === true,
    // Issue 11: `client_invalid` (refused credentials) or `rate_limited` with the evidence.
    cause: c.refusal?.cause ?? (c.pausedUntil && c.pausedUntil > new Date() ? 'rate_limited' : null),
    evidence:
      c.refusal?.evidence ??
      (c.pausedUntil && c.pausedUntil > new Date() ? (c.pause?.evidence ?? null) : null),
    pausedUntil: c.pausedUntil && c.pausedUntil > new Date() ? c.pausedUntil.toISOString() : null,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

const collect = (value: string, previous: string[]) => [...previous, value];

export function registerClientsCommands(program: Command): void {
  const clients = program
    .command('clients')
    .description('registered OAuth clients (one per provider and purpose)');

  clients
    .command('create')
    .description(
      'register a client: what the provider gave you (see `providers show <key>` for what to give it)',
    )
    .requiredOption('--provider <key>', 'provider key (consentry providers list)')
    .requiredOption('--name <name>', 'the purpose it serves, e.g. Mail')
    .option('--client-id <id>', 'the Client ID from the provider')
    .option(
      '--client-secret <secret>',
      'the Client Secret (prefer --client-secret-stdin: arguments show in ps)',
    )
    .option('--client-secret-stdin', 'read the Client Secret from stdin (or a prompt)')
    .option(
      '--client-auth <method>',
      'client authentication: client_secret_basic, client_secret_post, private_key_jwt or none (default: chosen from the provider’s metadata and the catalog)',
    )
    .option(
      '--private-key-file <path>',
      'private_key_jwt: import this private key (PKCS#8 PEM or JWK) instead of generating one',
    )
    .option(
      '--service-account-key <path>',
      'a Google service account: its JSON key file (`-` = stdin); sealed at rest, never shown again',
    )
    .option('--tenant <value>', 'shortcut for --template tenant=<value> (Microsoft)')
    .option('--instance <value>', 'shortcut for --template instance=<value> (Mastodon, Salesforce …)')
    .option('--domain <value>', 'shortcut for --template domain=<value> (Okta, Auth0 …)')
    .option('--template <name=value>', 'a templated value of the provider (repeatable)', collect, [])
    .option('--json', 'machine-readable output')
    .action(async (opts: Record<string, string | string[] | boolean | undefined>) => {
      const templateValues: Record<string, string> = {};
      for (const pair of opts.template as string[]) {
        const eq = pair.indexOf('=');
        if (eq < 1)
          throw new ConsentryError('CLIENT_INVALID', {
            detail: `--template wants name=value, got “${pair}”.`,
          });
        templateValues[pair.slice(0, eq)] = pair.slice(eq + 1);
      }
      for (const k of ['tenant', 'instance', 'domain'] as const)
        if (typeof opts[k] === 'string') templateValues[k] = opts[k] as string;
      if (typeof opts.serviceAccountKey === 'string') {
        const keyFile = await readKeyFile(opts.serviceAccountKey);
        await withConsentry(async (app) => {
          const c = await app.console.serviceAccounts.importKey(OPERATOR, String(opts.provider), {
            name: String(opts.name),
            keyFile,
          });
          if (opts.json) printJson(clientJson(c));
          else process.stdout.write(serviceAccountSummary(c));
        });
        return;
      }
      const secret = opts.clientSecretStdin
        ? await readSecret('Client Secret: ')
        : (opts.clientSecret as string | undefined);
      const auth = opts.clientAuth as string | undefined;
      if (auth !== undefined && !(CLIENT_AUTH_METHODS as readonly string[]).includes(auth))
        throw new ConsentryError('CLIENT_INVALID', {
          detail: `--client-auth must be one of ${CLIENT_AUTH_METHODS.join(', ')}.`,
        });
      const privateKey =
        typeof opts.privateKeyFile === 'string' ? await readFile(opts.privateKeyFile, 'utf8') : undefined;
      await withConsentry(async (app) => {
        const c = await app.console.oauth.createClient(OPERATOR, String(opts.provider), {
          name: String(opts.name),
          clientId: String(opts.clientId ?? ''),
          clientSecret: secret,
          templateValues,
          clientAuth: auth as ClientAuthMethod | undefined,
          privateKey,
        });
        const publicKey = await app.console.oauth.publicKeyOf(OPERATOR, c.id);
        if (opts.json) printJson(clientJson(c));
        else {
          process.stdout.write(
            `Registered ${c.providerKey} client “${c.name}” (${c.id}). Redirect URL to register at the provider: ${app.console.oauth.redirectUri}\n`,
          );
          if (publicKey)
            process.stdout.write(
              `Public key to paste at the provider (private_key_jwt):\n${JSON.stringify(publicKey.jwk)}\n${publicKey.pem}`,
            );
        }
      });
    });

  clients
    .command('replace-key <client>')
    .description('a service account: replace its JSON key (key rotation at Google); the old key is gone')
    .requiredOption('--service-account-key <path>', 'the new JSON key file (`-` = stdin)')
    .option('--json', 'machine-readable output')
    .action(async (ref: string, opts: { serviceAccountKey: string; json?: boolean }) => {
      const keyFile = await readKeyFile(opts.serviceAccountKey);
      await withConsentry(async (app) => {
        const found = await app.console.oauth.findClient(OPERATOR, ref);
        const c = await app.console.serviceAccounts.replaceKey(OPERATOR, found.id, keyFile);
        if (opts.json) printJson(clientJson(c));
        else process.stdout.write(serviceAccountSummary(c));
      });
    });

  clients
    .command('list')
    .description('registered clients (secrets are never printed)')
    .option('--provider <key>', 'only this provider')
    .option('--json', 'machine-readable output')
    .action(async (opts: { provider?: string; json?: boolean }) => {
      await withConsentry(async (app) => {
        const rows = (
          await app.console.oauth.listClients(OPERATOR, opts.provider ? { providerKey: opts.provider } : {})
        ).map(clientJson);
        if (opts.json) printJson(rows);
        else printTable(rows, ['id', 'provider', 'name', 'clientId', 'hasClientSecret']);
      });
    });

  clients
    .command('public-key <client>')
    .description('the public key of a private_key_jwt client, to paste at the provider (JWK, or --pem)')
    .option('--pem', 'SPKI PEM instead of JWK')
    .action(async (ref: string, opts: { pem?: boolean }) => {
      await withConsentry(async (app) => {
        const c = await app.console.oauth.findClient(OPERATOR, ref);
        const key = await app.console.oauth.publicKeyOf(OPERATOR, c.id);
        if (!key)
          throw new ConsentryError('CLIENT_INVALID', {
            detail: `“${c.name}” has no key pair (create it with --client-auth private_key_jwt).`,
          });
        process.stdout.write(opts.pem ? key.pem : `${JSON.stringify(key.jwk)}\n`);
      });
    });

  clients
    .command('delete <client>')
    .description('delete a client (id, name, or provider/name) and its connections')
    .option('--json', 'machine-readable output')
    .action(async (ref: string, opts: { json?: boolean }) => {
      await withConsentry(async (app) => {
        const c = await app.console.oauth.findClient(OPERATOR, ref);
        await app.console.oauth.deleteClient(OPERATOR, c.id);
        if (opts.json) printJson({ deleted: c.id });
        else process.stdout.write(`Deleted client “${c.name}” (${c.id}) and its connections.\n`);
      });
    });
}

/** The key file's text: a path, or `-` for stdin (never an argument's content: keys stay out of ps). */
async function readKeyFile(path: string): Promise<string> {
  if (path !== '-') return readFile(path, 'utf8');
  let data = '';
  for await (const chunk of process.stdin) data += String(chunk);
  return data;
}

function serviceAccountSummary(c: RegisteredClient): string {
  const sa = serviceAccountOf(c);
  return [
    `Registered ${c.providerKey} service account “${c.name}” (${c.id}): ${sa?.clientEmail ?? c.clientId}, key ${sa?.privateKeyId ?? '?'}. The key is stored encrypted and will not be shown again.`,
    `Domain-wide delegation (Google Admin console → Security → API controls): client ID ${sa?.clientId ?? '(see the key’s client_id)'} with the scopes you will use.`,
    `Next: consentry service-accounts connect ${c.id} --subject user@your-domain --preset mail`,
    '',
  ].join('\n');
}
