import { readdirSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { ProviderRegistry } from '../catalog/registry.ts';
import type { Config } from '../config/config.ts';
import type { ConsoleServices } from '../console/services.ts';
import type { OAuth2Consumer } from '../core/consumers.ts';
import type { OAuth2Client } from '../core/oauth2-client.ts';
import { random256 } from '../core/random.ts';
import { ConsentryError, isConsentryError } from '../domain/errors.ts';
import type { Egress } from '../egress/egress.ts';
import type { ConsolePageModule } from '../http/console/pages.ts';
import type { SafeHtml } from '../http/html.ts';
import { createMailboxRepository } from '../storage/mailboxes.repository.ts';
import type { Store } from '../storage/ports.ts';
import type { Database } from '../storage/schema.ts';
import { createSignInRepository } from '../storage/signin.repository.ts';
import { createUserRepository } from '../storage/users.repository.ts';
import { createMailConsumer } from './mail/mail-consumer.ts';
import { MailService } from './mail/mail-service.ts';
import { mailPageModule } from './mail/pages.ts';
import { serverFromUrl } from './mail/servers.ts';
import { signInOptionsHtml, signInPageModule } from './signin/pages.ts';
import { SignInService, type SignInUsers } from './signin/signin-service.ts';

/**
 * Consumers: the built-in ones (mail, sign-in) and those discovered from configured packages or
 * directories (seed 004 discovers them in core and in active plugins). They all end up in one
 * ConsumerRegistry, which refuses a purpose registered twice — at start-up, not silently.
 */

/** What a discovered consumer factory receives. `client()` is late-bound: call it after start-up. */
export interface ConsumerContext {
  config: Config;
  store: Store;
  logger: Logger;
  client: () => OAuth2Client;
}

/**
 * A consumer module exports consumers (objects with `purpose` and `onTokenGranted`, or arrays of
 * them) and/or a `createConsumers(context)` factory returning one or several.
 */
export type ConsumerFactory = (context: ConsumerContext) => OAuth2Consumer | OAuth2Consumer[];

/** The built-in consumers' services, for the embedding platform, the console and the CLI. */
export interface Features {
  mail: MailService;
  signin: SignInService;
}

export interface BuiltInConsumers {
  features: Features;
  consumers: OAuth2Consumer[];
  /** HTTP faces outside the console (none yet). */
  plugins: ((app: FastifyInstance) => Promise<void> | void)[];
  /** Console page modules: mailboxes, sign-in with a provider. */
  consolePages: ConsolePageModule[];
  /** "Sign in with …" links for the console's sign-in page. */
  signInOptions: (request: FastifyRequest) => Promise<SafeHtml | undefined>;
  /** One-time links the CLI prepared for a feature's flow (`consentry mailboxes connect`). */
  handoffFlows: ((handoffId: string, session: string) => Promise<string | undefined>)[];
}

export function createBuiltInConsumers(deps: {
  db: Kysely<Database>;
  store: Store;
  config: Config;
  providers: ProviderRegistry;
  client: () => OAuth2Client;
  /** Late-bound: the console's services are built after the consumers. */
  console: () => ConsoleServices;
  /** Outbound policy for the mail servers' sockets. */
  egress: Pick<Egress, 'resolveServer'>;
}): BuiltInConsumers {
  const mailboxes = createMailboxRepository(deps.db);
  const mail = new MailService({
    mailboxes,
    store: deps.store,
    providers: deps.providers,
    client: deps.client,
    resolveServer: (host, port) => deps.egress.resolveServer(host, port),
    // The demo provider has no mail server of its own: it is offered for mailboxes only when an
    // operator points it at a test server (the tests do: smtp-server and Dovecot). Otherwise the
    // mailbox page leaves it out and says why, instead of ending in ECONNREFUSED.
    ...(deps.config.mailDemoImapUrl && deps.config.mailDemoSmtpUrl
      ? {
          serverDefaults: {
            demo: {
              imap: serverFromUrl(deps.config.mailDemoImapUrl, 'imap'),
              smtp: serverFromUrl(deps.config.mailDemoSmtpUrl, 'smtp'),
            },
          },
        }
      : {
          unavailable: {
            demo: 'The demo provider has no mail server, so it is not offered for mailboxes. To try mailboxes with it, point MAIL_DEMO_SMTP_URL and MAIL_DEMO_IMAP_URL at a test mail server (docs/consumers.md); or register a Google or Microsoft client.',
          },
        }),
  });
  const userRows = createUserRepository(deps.db);
  const users: SignInUsers = {
    async byEmail(email) {
      const found = await userRows.byEmail(email);
      return found ? { id: found.user.id, disabled: found.user.disabled } : undefined;
    },
    get: (id) => deps.console().users.get(id),
    // A user made by sign-in has no usable password (a random one nobody knows) and no permissions.
    create: (email) =>
      deps
        .console()
        .users.create(
          { email, password: random256(), permissions: [] },
          { kind: 'system', label: 'sign-in (SIGNIN_CREATE_USERS)' },
        ),
    async startSession(userId) {
      const user = await deps.console().users.get(userId);
      if (!user) throw new ConsentryError('SIGNIN_NOT_ALLOWED', { detail: 'The user was deleted.' });
      return deps.console().users.startSession(user);
    },
  };
  const signin = new SignInService({
    repo: createSignInRepository(deps.db),
    users: () => users,
    store: deps.store,
    providers: deps.providers,
    client: deps.client,
    policy: { createUsers: deps.config.signinCreateUsers, allowedDomains: deps.config.signinAllowedDomains },
  });
  return {
    features: { mail, signin },
    consumers: [createMailConsumer({ mailboxes, connections: deps.store.connections }), signin.consumer],
    plugins: [],
    consolePages: [mailPageModule(() => mail), signInPageModule(() => signin)],
    signInOptions: signInOptionsHtml(() => signin),
    handoffFlows: [(handoffId, session) => mail.followHandoff(handoffId, session)],
  };
}

export function isConsumer(value: unknown): value is OAuth2Consumer {
  const v = value as Partial<OAuth2Consumer> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.purpose === 'string' &&
    typeof v.onTokenGranted === 'function'
  );
}

/**
 * Loads consumers from `sources`: package names (`@acme/consentry-crm`), files, or directories
 * (every .ts/.js/.mjs file in it, tests and declarations skipped, in name order). Relative paths
 * are resolved against `baseDir`. A source that fails to load, or yields no consumer at all, stops
 * start-up with its name: a feature silently missing is worse than a clear error. (Files of a
 * directory without consumers — helpers — are fine.)
 */
export async function discoverConsumers(
  sources: readonly string[],
  context: ConsumerContext,
  baseDir: string = process.cwd(),
): Promise<OAuth2Consumer[]> {
  const found: OAuth2Consumer[] = [];
  for (const source of sources) {
    const isPath = source.startsWith('.') || source.startsWith('/');
    const modules = isPath ? moduleFiles(resolve(baseDir, source)) : [source];
    const fromSource: OAuth2Consumer[] = [];
    for (const specifier of modules) fromSource.push(...(await consumersOf(specifier, source, context)));
    if (fromSource.length === 0) {
      throw new ConsentryError('CONSUMER_DISCOVERY_FAILED', {
        detail: `${source} exports no consumer (an object with purpose and onTokenGranted, or createConsumers).`,
      });
    }
    found.push(...fromSource);
  }
  return found;
}

function moduleFiles(path: string): string[] {
  let stat: ReturnType<typeof statSync>;
  try {
    stat = statSync(path);
  } catch (cause) {
    throw new ConsentryError('CONSUMER_DISCOVERY_FAILED', { detail: `${path} does not exist.`, cause });
  }
  if (!stat.isDirectory()) return [pathToFileURL(path).href];
  return readdirSync(path)
    .filter((f) => ['.ts', '.js', '.mjs'].includes(extname(f)) && !/\.(test|spec|d)\.[mc]?[jt]s$/.test(f))
    .sort()
    .map((f) => pathToFileURL(join(path, f)).href);
}

async function consumersOf(
  specifier: string,
  source: string,
  context: ConsumerContext,
): Promise<OAuth2Consumer[]> {
  let mod: Record<string, unknown>;
  try {
    mod = (await import(specifier)) as Record<string, unknown>;
  } catch (cause) {
    throw new ConsentryError('CONSUMER_DISCOVERY_FAILED', {
      detail: `${source}: ${specifier.startsWith('file:') ? specifier.slice(7) : specifier} could not be imported.`,
      cause,
    });
  }
  const out: OAuth2Consumer[] = [];
  for (const [name, value] of Object.entries(mod)) {
    if (name === 'createConsumers' && typeof value === 'function') {
      let made: unknown;
      try {
        made = await (value as ConsumerFactory)(context);
      } catch (cause) {
        if (isConsentryError(cause)) throw cause;
        throw new ConsentryError('CONSUMER_DISCOVERY_FAILED', {
          detail: `${source}: createConsumers failed.`,
          cause,
        });
      }
      out.push(...(Array.isArray(made) ? made : [made]).filter(isConsumer));
    } else if (Array.isArray(value)) {
      out.push(...value.filter(isConsumer));
    } else if (isConsumer(value)) {
      out.push(value);
    }
  }
  // The same object exported twice (named and default) is one consumer, not a duplicate.
  return [...new Set(out)];
}
