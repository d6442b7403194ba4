import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { AuthServer, type AuthServerOptions } from './authserver/auth-server.ts';
import { demoProvider } from './catalog/providers/demo.ts';
import { CATALOG } from './catalog/providers/index.ts';
import { ProviderRegistry } from './catalog/registry.ts';
import type { Config } from './config/config.ts';
import { consoleConsumer } from './console/consumer.ts';
import { type ConsoleServices, createConsoleServices } from './console/services.ts';
import type { SignInBudgets } from './console/sign-in-limits.ts';
import { createBuiltInConsumers, discoverConsumers, type Features } from './consumers/index.ts';
import { serverFromUrl } from './consumers/mail/servers.ts';
import { AuditTrail } from './core/audit-trail.ts';
import { BackgroundRefresher } from './core/background-refresher.ts';
import { ConsumerRegistry, type OAuth2Consumer } from './core/consumers.ts';
import { KeyRingHeartbeat } from './core/key-ring-heartbeat.ts';
import { OAuth2Client } from './core/oauth2-client.ts';
import { random256, sha256 } from './core/random.ts';
import { catalogRefreshLifetimes, withRefreshLifetimes } from './core/refresh-lifetime.ts';
import { ConsentryError } from './domain/errors.ts';
import { Egress } from './egress/egress.ts';
import { allowsPlainHttp, type EgressPolicy, type EgressRule, operatorRule } from './egress/policy.ts';
import { authServerPlugin } from './http/authserver.ts';
import { appsConsolePages } from './http/console/apps.ts';
import { consolePlugin } from './http/console/index.ts';
import { createDemoOidcProvider, loadDemoKeys, mountedCallback } from './http/demo-provider.ts';
import { buildServer } from './http/server.ts';
import { createLogger } from './logger.ts';
import { ensurePrivateDir } from './secrets/file-modes.ts';
import { keyFileSource, loadKeys } from './secrets/key-ring.ts';
import { SecretBox } from './secrets/secret-box.ts';
import { createAuditRepository } from './storage/audit/audit.repository.ts';
import { type DatabaseHandle, migrateToLatest, openDatabase } from './storage/database.ts';
import { demoOidcAdapter, purgeLegacyDemoSecrets } from './storage/demo-oidc.adapter.ts';
import { createInstanceRepository } from './storage/key-ring/instances.repository.ts';
import { createSentinelRepository } from './storage/key-ring/sentinel.repository.ts';
import { createKyselyStore } from './storage/kysely-store.ts';
import type { Store } from './storage/ports.ts';
import { createProviderRoleStore } from './storage/provider-role.store.ts';

/**
 * The composition root: the one place that wires concrete parts together. The CLI, the server
 * and the tests all start Consentry through `createConsentry`.
 */
export interface Consentry {
  config: Config;
  logger: Logger;
  database: DatabaseHandle;
  box: SecretBox;
  store: Store;
  providers: ProviderRegistry;
  consumers: ConsumerRegistry;
  client: OAuth2Client;
  server: FastifyInstance;
  /** Provider role: OAuth applications, signing keys, token endpoint, verifyAccessToken. */
  authserver: AuthServer;
  /** Scale-out: runs while the server listens (undefined when BACKGROUND_REFRESH=false). */
  backgroundRefresher: BackgroundRefresher | undefined;
  /** The built-in consumers' services (mail accounts, sign-in). */
  features: Features;
  /** Admin console service layer (users, clients, connections), shared by pages and CLI. */
  console: ConsoleServices;
  /** Issue 10: the hash-chained audit trail — `audit.record({ action, actor, target, details })`. */
  audit: AuditTrail;
  /** Issue 10: re-reads the key file and records the held key ids while the server listens. */
  keyRing: KeyRingHeartbeat;
  close(): Promise<void>;
}

export interface CreateOptions {
  logger?: Logger;
  consumers?: OAuth2Consumer[];
  /** Extra providers (tests add stand-ins). */
  providers?: import('./catalog/provider.ts').ProviderInput[];
  schema?: string;
  /** Passed through to OAuth2Client (tests: crash hooks, short leases). */
  clientOptions?: Partial<import('./core/oauth2-client.ts').OAuth2ClientOptions>;
  plugins?: ((app: FastifyInstance) => Promise<void> | void)[];
  /** Provider role overrides (tests: failure-limit budgets, clock, a notifier). */
  authserver?: Partial<Pick<AuthServerOptions, 'limiter' | 'now' | 'notifier'>>;
  /** Console overrides (tests: sign-in budgets, clock). */
  console?: { signInBudgets?: Partial<SignInBudgets>; now?: () => number };
}

export async function createConsentry(config: Config, options: CreateOptions = {}): Promise<Consentry> {
  const logger = options.logger ?? createLogger({ level: config.logLevel });
  // The data directory holds keys and (SQLite) the database: 0700 at every start (issue 10, finding 6).
  ensurePrivateDir(config.dataDir);
  const database = openDatabase({
    databaseUrl: config.databaseUrl,
    sqliteFile: config.sqliteFile,
    schema: options.schema,
  });
  try {
    await migrateToLatest(database.db, { lockFile: database.file && `${database.file}.migrate.lock` });
    const box = await openSecretBox(config, database);
    const store = createKyselyStore(database.db, box, { readOne: database.readOne });
    // Issue 10: the sealed sentinel /healthz opens; its plaintext keys the CSRF tokens (stable
    // across key rotations and the same on every instance, unlike anything derived from a key id).
    const sentinel = createSentinelRepository(database.db, box);
    const sentinelValue = await sentinel.ensure();
    const audit = new AuditTrail({
      repository: createAuditRepository(database.db),
      onError: (e, input) =>
        logger.error({ err: { message: e.message }, action: input.action }, 'audit trail append failed'),
    });

    const egress = new Egress(egressPolicyOf(config));
    const providers = new ProviderRegistry([...CATALOG, ...(options.providers ?? [])]);
    // Built-in consumers, the platform's own, then discovered ones (CONSUMER_MODULES): one registry,
    // so a purpose registered twice stops start-up (CONSUMER_DUPLICATE).
    const builtIn = createBuiltInConsumers({
      db: database.db,
      store,
      config,
      providers,
      client: () => client,
      console: () => consoleServices,
      egress,
    });
    const discovered = await discoverConsumers(config.consumerModules, {
      config,
      store,
      logger,
      client: () => client,
    });
    const consumers = new ConsumerRegistry([
      consoleConsumer,
      ...builtIn.consumers,
      ...(options.consumers ?? []),
      ...discovered,
    ]);
    const publicOrigin = new URL(config.publicBaseUrl).origin;
    if (config.demoProviderOffLoopback) {
      logger.warn(
        `WARNING: the built-in demo provider is ON at ${config.publicBaseUrl}/demo, a public URL that is not loopback. It signs anyone in with any name and password (never to this console). Set DEMO_PROVIDER=false unless this is a demo.`,
      );
    }
    const client = new OAuth2Client({
      // Stamps refresh-token expiries from the providers' documented lifetimes (scale-out), per
      // registered client (Google's 7 days only for clients in "Testing" status).
      store: withRefreshLifetimes(store, catalogRefreshLifetimes(providers, store.clients)),
      providers,
      consumers,
      redirectUri: config.redirectUri,
      skewSeconds: config.refreshSkewSeconds,
      protocol: {
        // Every outbound request through the egress policy (src/egress): http only to an allowed
        // loopback host or our own origin (the built-in demo provider), checked per URL.
        allowInsecure: (url) => allowsPlainHttp(egress.policy, url),
        timeoutMs: 10_000,
        fetch: egress.fetch,
      },
      ...(config.instanceId ? { instanceId: config.instanceId } : {}),
      audit,
      // The console puts the signed-in user's id in its flows' payload: name them by email.
      actorOfFlow: async (payload) => {
        const user =
          typeof payload.userId === 'string' ? await consoleServices.users.get(payload.userId) : undefined;
        return user && { kind: 'user', id: user.id, label: user.email };
      },
      ...options.clientOptions,
    });

    let demo: ReturnType<typeof mountedCallback> | undefined;
    if (config.demoProvider) {
      providers.add(demoProvider(config.publicBaseUrl));
      demo = await startDemoProvider(config, store, database);
    }

    const csrfKey = Buffer.from(sha256(`csrf:${sentinelValue}:${config.publicBaseUrl}`));
    // Provider role: KEYS_DIR is read now — a private key others can read stops start-up.
    const authserver = new AuthServer({
      publicBaseUrl: config.publicBaseUrl,
      keysDir: config.keysDir,
      dataDir: config.dataDir,
      smtpUrl: config.smtpUrl,
      mailFrom: config.mailFrom,
      resolveMailServer: (host, port) => egress.resolveServer(host, port),
      store: createProviderRoleStore(database),
      audit,
      onKeyError: (e) =>
        logger.error({ err: { name: e.name, message: e.message } }, 'signing keys withdrawn'),
      ...options.authserver,
    });
    authserver.start();
    const session = { secure: config.publicBaseUrl.startsWith('https:'), csrfKey, publicOrigin };
    const consoleServices = createConsoleServices({
      db: database.db,
      store,
      client,
      providers,
      publicBaseUrl: config.publicBaseUrl,
      handoffFlows: builtIn.handoffFlows,
      ...(options.console?.signInBudgets ? { signInBudgets: options.console.signInBudgets } : {}),
      ...(options.console?.now ? { now: options.console.now } : {}),
      // Clients registered for the built-in demo provider are clients it accepts: it looks them
      // up in the registered clients (see startDemoProvider), so nothing is copied on save.
      audit,
    });
    const server = await buildServer({
      logger,
      client,
      store,
      providers,
      demo,
      session,
      plugins: [
        consolePlugin(
          {
            services: consoleServices,
            session,
            config,
            providers,
            store,
            client,
            db: database.db,
            signInOptions: builtIn.signInOptions,
          },
          [...builtIn.consolePages, appsConsolePages(authserver)],
        ),
        ...builtIn.plugins,
        authServerPlugin(authserver),
        ...(options.plugins ?? []),
      ],
      // Not "ok" unless this server can open its secrets (a key rotated away from under it).
      health: async () => {
        await sentinel.open();
        return { database: database.dialect, secrets: 'ok' };
      },
    });
    // Scale-out: every instance that serves HTTP also keeps connections fresh (the lease keeps
    // instances from refreshing one connection twice). CLI commands never listen, so never sweep.
    const backgroundRefresher = config.backgroundRefresh.enabled
      ? new BackgroundRefresher({
          client,
          connections: store.connections,
          providerOf: (key) => (providers.has(key) ? providers.get(key) : undefined),
          emit: (event) => {
            client.events.emit('connection', event);
            const consumer = consumers.has(event.purpose) ? consumers.get(event.purpose) : undefined;
            void Promise.resolve(consumer?.onConnectionEvent?.(event)).catch(() => {});
          },
          ...config.backgroundRefresh,
          log: (level, facts, message) => logger[level](facts, message),
        })
      : undefined;
    const keyRing = new KeyRingHeartbeat({
      box,
      instances: createInstanceRepository(database.db),
      instanceId: config.instanceId ?? `${hostname()}-${process.pid}-${randomBytes(4).toString('hex')}`,
      keySource: config.secretBoxKey?.trim() ? 'env' : 'file',
      host: hostname(),
      pid: process.pid,
      intervalMs: config.keyRingCheckMs,
      log: (level, facts, message) => logger[level](facts, message),
    });
    // Only servers beat: `secret-key rewrap` waits for listening instances, never for CLI commands.
    server.addHook('onListen', async () => keyRing.start());
    server.addHook('onClose', async () => keyRing.stop());
    if (backgroundRefresher) {
      server.addHook('onListen', async () => backgroundRefresher.start());
      server.addHook('onClose', async () => backgroundRefresher.stop());
    }
    return {
      config,
      logger,
      database,
      box,
      store,
      providers,
      consumers,
      client,
      server,
      authserver,
      backgroundRefresher,
      features: builtIn.features,
      console: consoleServices,
      audit,
      keyRing,
      async close() {
        await server.close();
        authserver.close();
        await egress.close();
        await database.close();
      },
    };
  } catch (e) {
    await database.close();
    throw e;
  }
}

/**
 * The egress policy (src/egress/policy.ts): EGRESS_ALLOW plus the endpoints the operator configured
 * (the public URL — the demo provider and its own callback —, SMTP_URL, the demo mail servers):
 * those are the operator's choice, so their host and port are open even when internal.
 */
function egressPolicyOf(config: Config): EgressPolicy {
  const rules: EgressRule[] = [...config.egressAllow];
  const add = (value: string | undefined, defaultPort: number): void => {
    if (!value) return;
    try {
      const u = new URL(value);
      if (u.hostname) rules.push(operatorRule(u.hostname, u.port ? Number(u.port) : defaultPort));
    } catch {
      // Not a URL: the setting's own parser reports it.
    }
  };
  const pub = new URL(config.publicBaseUrl);
  add(config.publicBaseUrl, pub.protocol === 'https:' ? 443 : 80);
  add(config.smtpUrl, config.smtpUrl?.startsWith('smtps:') ? 465 : 587);
  if (config.demoProvider) {
    for (const [url, kind] of [
      [config.mailDemoImapUrl, 'imap'],
      [config.mailDemoSmtpUrl, 'smtp'],
    ] as const) {
      if (!url) continue;
      const server = serverFromUrl(url, kind);
      rules.push(operatorRule(server.host, server.port));
    }
  }
  return { rules, trustedOrigins: [pub.origin] };
}

/**
 * Opens the SecretBox and proves the key opens what is stored. With sealed rows present and the
 * key missing or wrong, start-up stops with what to do — never a plaintext fallback, never a
 * silently generated new key.
 */
async function openSecretBox(config: Config, database: DatabaseHandle): Promise<SecretBox> {
  const probe = createKyselyStore(database.db, new SecretBox([{ id: 'probe', key: Buffer.alloc(32) }]));
  const { sealedCount } = await probe.checkSealedValues();
  // With the key file, a running server re-reads it (rotation without restart); SECRET_BOX_KEY
  // can only change with a restart. The source notes the file's state BEFORE the keys are read,
  // so a rotation landing in between is picked up by the first re-read, never missed.
  const source = config.secretBoxKey?.trim() ? undefined : keyFileSource(config.secretKeyFile);
  const keys = loadKeys(
    { env: config.secretBoxKey, keyFile: config.secretKeyFile },
    { createIfMissing: sealedCount === 0 },
  );
  const box = new SecretBox(keys, { source });
  const { failure } = await createKyselyStore(database.db, box).checkSealedValues();
  if (failure) {
    throw new ConsentryError('SECRET_KEY_WRONG', {
      detail: `The configured key (id ${box.currentKeyId}) cannot open the stored secrets. Set SECRET_BOX_KEY (or restore ${config.secretKeyFile}) to the key they were sealed with; after a rotation keep the previous key listed after the new one until \`consentry secret-key rewrap\` has finished.`,
      cause: failure,
    });
  }
  return box;
}

/** Registers the demo client (once) and starts oidc-provider for it. */
async function startDemoProvider(config: Config, store: Store, database: DatabaseHandle) {
  let client = (await store.clients.list({ providerKey: 'demo' }))[0];
  if (!client) {
    try {
      client = await store.clients.create({
        providerKey: 'demo',
        name: 'Demo',
        clientId: `demo-${random256().slice(0, 12)}`,
        clientSecret: random256(),
        options: { builtIn: true },
      });
    } catch (e) {
      // Another process starting on the same fresh database created it first (unique name).
      client = (await store.clients.list({ providerKey: 'demo' }))[0];
      if (!client) throw e;
    }
  }
  await purgeLegacyDemoSecrets(database.db);
  const provider = await createDemoOidcProvider({
    issuer: `${config.publicBaseUrl}/demo`,
    clients: [
      {
        clientId: client.clientId,
        clientSecret: (await store.clients.secretOf(client.id))!,
        redirectUris: [config.redirectUri],
        clientName: 'Consentry',
      },
    ],
    adapter: demoOidcAdapter(database.db, async (clientId) => {
      // Clients an administrator registered for the demo: the demo accepts whatever Client ID and
      // Secret were registered in Consentry, for the one Redirect URL. The secret is opened from
      // its sealed column when the demo needs it, never copied into the demo's own table.
      const registered = (await store.clients.list({ providerKey: 'demo' })).find(
        (c) => c.clientId === clientId && !c.options.builtIn,
      );
      const secret = registered?.hasClientSecret ? await store.clients.secretOf(registered.id) : undefined;
      if (!registered || !secret) return undefined;
      return {
        client_id: registered.clientId,
        client_secret: secret,
        redirect_uris: [config.redirectUri],
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      };
    }),
    keys: await loadDemoKeys(join(config.dataDir, 'demo-provider-keys.json')),
    accessTokenTtl: config.demoAccessTokenTtl,
  });
  return mountedCallback(provider, '/demo', new URL(config.publicBaseUrl));
}
