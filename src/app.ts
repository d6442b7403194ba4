import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { hostname } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { ensureDemoClient, openCore, protocolSettings } from './app-core.ts';
import { AuthServer, type AuthServerOptions } from './authserver/auth-server.ts';
import { demoProvider } from './catalog/providers/demo.ts';
import type { ProviderRegistry } from './catalog/registry.ts';
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
import { ReconnectOutreach } from './core/reconnect-outreach.ts';
import { catalogRefreshLifetimes, withRefreshLifetimes } from './core/refresh-lifetime.ts';
import { ConsentryError } from './domain/errors.ts';
import { Egress } from './egress/egress.ts';
import { allowsPlainHttp, type EgressPolicy, type EgressRule, operatorRule } from './egress/policy.ts';
import { createSmtpMailer } from './egress/smtp.ts';
import { apiPlugin } from './http/api/index.ts';
import { authServerPlugin } from './http/authserver.ts';
import { appsConsolePages } from './http/console/apps.ts';
import { authorizePages } from './http/console/authorize.ts';
import { consolePlugin } from './http/console/index.ts';
import { integrationsConsolePages } from './http/console/integrations.ts';
import { outreachConsolePages } from './http/console/outreach.ts';
import { createDemoOidcProvider, loadDemoKeys, mountedCallback } from './http/demo-provider.ts';
import { outreachTextFor } from './http/i18n/i18n.ts';
import { type Mount, prefixPath } from './http/mount.ts';
import { outreachPlugin } from './http/outreach.ts';
import { buildServer, consentryRoutes, type HostSessionHook, type ServerDeps } from './http/server.ts';
import { ApiKeyService } from './integrations/api-keys.ts';
import {
  API_PURPOSE_NAMESPACE,
  apiNamespaceConsumer,
  ConnectSessionService,
} from './integrations/connect-sessions.ts';
import { type DispatcherOptions, WebhookDispatcher } from './integrations/webhook-dispatcher.ts';
import { WebhookService } from './integrations/webhooks.ts';
import { createLogger } from './logger.ts';
import { ensurePrivateDir } from './secrets/file-modes.ts';
import type { SecretBox } from './secrets/secret-box.ts';
import { createAuditRepository } from './storage/audit/audit.repository.ts';
import { createHandoffRepository } from './storage/console-handoffs.repository.ts';
import type { DatabaseHandle } from './storage/database.ts';
import { demoOidcAdapter, purgeLegacyDemoSecrets } from './storage/demo-oidc.adapter.ts';
import {
  createApiConnectSessionRepository,
  createApiKeyRepository,
  createWebhookRepository,
} from './storage/integrations.repository.ts';
import { createInstanceRepository } from './storage/key-ring/instances.repository.ts';
import { createSentinelRepository } from './storage/key-ring/sentinel.repository.ts';
import { createOutreachRepository } from './storage/outreach.repository.ts';
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
  /** Consentry's own server (standalone: `server.listen`); every route under `mount.base`. */
  server: FastifyInstance;
  /**
   * Embedding in a host's Fastify app: `host.register(consentry.plugin, { prefix: '/oauth' })`.
   * The prefix must be the path of PUBLIC_BASE_URL (CONFIG_INVALID otherwise): the redirect URL
   * is built from it before any request arrives. Encapsulated: its hooks never touch the host's
   * routes. See docs/embedding.md.
   */
  plugin: (host: FastifyInstance) => Promise<void>;
  /**
   * Framework-agnostic: a web-standard Request in, a Response out (Next.js route handlers, Hono,
   * Deno-style servers). `init.session`: the host's session id for this request (binds OAuth
   * flows instead of the consentry_sid cookie), when no `hostSession` hook says it.
   */
  handler: (request: Request, init?: { session?: string | undefined }) => Promise<Response>;
  /**
   * Node's `(req, res)` (node:http, Express, Connect): requests outside `mount.base` go to
   * `next` when given (Express middleware), else answer 404. Mount it before body parsers.
   */
  nodeHandler: (
    req: IncomingMessage & { originalUrl?: string },
    res: ServerResponse,
    next?: (error?: unknown) => void,
  ) => void;
  /** Where the routes live: `base` (PUBLIC_BASE_URL's path), `pages` (base + console prefix). */
  mount: Mount;
  /** Provider role: OAuth applications, signing keys, token endpoint, verifyAccessToken. */
  authserver: AuthServer;
  /** Scale-out: runs while the server listens (undefined when BACKGROUND_REFRESH=false). */
  backgroundRefresher: BackgroundRefresher | undefined;
  /** The built-in consumers' services (mail accounts, sign-in). */
  features: Features;
  /** Admin console service layer (users, clients, connections), shared by pages and CLI. */
  console: ConsoleServices;
  /** Connection health (issue 11): signed single-use reconnect links for end users. */
  outreach: ReconnectOutreach;
  /** Issue 10: the hash-chained audit trail — `audit.record({ action, actor, target, details })`. */
  audit: AuditTrail;
  /** Issue 10: re-reads the key file and records the held key ids while the server listens. */
  keyRing: KeyRingHeartbeat;
  /**
   * Integration surface (issue 13): API keys for `/api/v1`, connect sessions, webhook endpoints
   * and the outbox dispatcher (delivers while the server listens).
   */
  integrations: {
    apiKeys: ApiKeyService;
    connectSessions: ConnectSessionService;
    webhooks: WebhookService;
    dispatcher: WebhookDispatcher;
  };
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
  /**
   * The admin console and the built-in pages (mail, sign-in): `false` leaves them out (no
   * console routes at all); `{ prefix: '/admin' }` mounts them under their own prefix, relative
   * to the mount. Default: at the mount's root.
   */
  console?:
    | false
    | {
        prefix?: string | undefined;
        /** Tests: sign-in budgets and clock. */
        signInBudgets?: Partial<SignInBudgets>;
        now?: () => number;
      }
    | undefined;
  /**
   * The host's "who is signed in" (docs/embedding.md): return a stable id of the host's session
   * for this request, or undefined. OAuth flows started while it answers are bound to it.
   */
  hostSession?: HostSessionHook | undefined;
  /** Serve the built-in demo provider; default: the configuration's DEMO_PROVIDER. */
  demoProvider?: boolean | undefined;
  /** Webhook dispatcher overrides (tests: short leases, fast polling, backoff). */
  webhooks?: Partial<Omit<DispatcherOptions, 'webhooks'>>;
}

export async function createConsentry(config: Config, options: CreateOptions = {}): Promise<Consentry> {
  const logger = options.logger ?? createLogger({ level: config.logLevel });
  // The data directory holds keys and (SQLite) the database: 0700 at every start (issue 10, finding 6).
  ensurePrivateDir(config.dataDir);
  const consolePrefix = options.console === false ? '' : normalizePrefix(options.console?.prefix ?? '');
  const mount: Mount = { base: config.basePath, pages: `${config.basePath}${consolePrefix}` };
  const demoOn = options.demoProvider ?? config.demoProvider;
  const { database, box, store, providers } = await openCore(config, {
    schema: options.schema,
    providers: options.providers,
  });
  try {
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
    // Services outside this process connect accounts for `api.*` purposes (JSON API).
    consumers.registerNamespace(API_PURPOSE_NAMESPACE, apiNamespaceConsumer);
    // Webhooks: the outbox is written before the operation that caused an event returns
    // (OAuth2Client.recordEvent); the dispatcher delivers it while the server listens.
    const webhookRepository = createWebhookRepository(database.db, box);
    const dispatcher = new WebhookDispatcher({
      webhooks: webhookRepository,
      // Deliveries go through the egress policy like every other outbound request.
      fetch: (url, init) => egress.fetch(url, init as Parameters<typeof egress.fetch>[1]),
      ...(config.instanceId ? { instanceId: config.instanceId } : {}),
      log: (level, facts, message) => logger[level](facts, message),
      ...options.webhooks,
    });
    const webhooks = new WebhookService({
      webhooks: webhookRepository,
      connectionOf: (id) => store.connections.get(id),
      onQueued: () => dispatcher.nudge(),
    });
    const publicOrigin = new URL(config.publicBaseUrl).origin;
    // The console's and built-in consumers' pages live under the mount; a host's consumers
    // return the host's own paths.
    const ownPurposes = new Set([consoleConsumer, ...builtIn.consumers].map((c) => c.purpose));
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
        ...protocolSettings(config),
        // Every outbound request through the egress policy (src/egress): http only to an allowed
        // loopback host or our own origin (the built-in demo provider), checked per URL.
        allowInsecure: (url) => allowsPlainHttp(egress.policy, url),
        timeoutMs: 10_000,
        fetch: egress.fetch,
      },
      ...(config.instanceId ? { instanceId: config.instanceId } : {}),
      publicReturnPath: (path, purpose) => (ownPurposes.has(purpose) ? prefixPath(mount.pages, path) : path),
      audit,
      // The console puts the signed-in user's id in its flows' payload: name them by email.
      actorOfFlow: async (payload) => {
        const user =
          typeof payload.userId === 'string' ? await consoleServices.users.get(payload.userId) : undefined;
        return user && { kind: 'user', id: user.id, label: user.email };
      },
      recordEvent: (event) => webhooks.record(event),
      onRecordError: (e, event) =>
        logger.error(
          {
            err: e instanceof Error ? e.message : String(e),
            event: event.type,
            connection: event.connectionId,
          },
          'webhook outbox write failed',
        ),
      ...options.clientOptions,
    });

    let demo: ReturnType<typeof mountedCallback> | undefined;
    if (demoOn) {
      providers.add(demoProvider(config.publicBaseUrl));
      demo = await startDemoProvider(config, store, database, mount);
    }

    // Reconnect outreach: links signed with a key derived from the secret box (same on every
    // instance), emailed through SMTP_URL when a consumer (or an administrator) asks for email.
    // Through the egress module like every outbound connection (issue 10): SMTP_URL's host is the
    // operator's (an EGRESS rule of its own), and the socket goes to the address checked.
    const mailTransport = config.smtpUrl
      ? createSmtpMailer(config.smtpUrl, (host, port) => egress.resolveServer(host, port))
      : undefined;
    const mailFrom = config.mailFrom ?? `Consentry <no-reply@${new URL(config.publicBaseUrl).hostname}>`;
    const outreach = new ReconnectOutreach({
      repository: createOutreachRepository(database.db),
      connections: store.connections,
      client,
      consumers,
      providerName: (key) => (providers.has(key) ? providers.get(key).displayName : key),
      publicBaseUrl: config.publicBaseUrl,
      keys: box.derivedKeys('reconnect-outreach'),
      mailer: mailTransport
        ? async (m) => {
            await mailTransport.sendMail({ from: mailFrom, ...m });
          }
        : undefined,
      emit: (event) => client.events.emit('connection', event),
      text: outreachTextFor,
    });
    client.events.on('connection', (event) => {
      void outreach
        .onConnectionEvent(event)
        .catch((e) =>
          logger.warn(
            { err: { name: (e as Error).name, code: (e as { code?: string }).code } },
            'reconnect outreach failed',
          ),
        );
    });

    const csrfKey = Buffer.from(sha256(`csrf:${sentinelValue}:${config.publicBaseUrl}`));
    // Provider role: KEYS_DIR is read now — a private key others can read stops start-up.
    const authserver = new AuthServer({
      publicBaseUrl: config.publicBaseUrl,
      keysDir: config.keysDir,
      dataDir: config.dataDir,
      smtpUrl: config.smtpUrl,
      mailFrom: config.mailFrom,
      registration: config.registration,
      resolveMailServer: (host, port) => egress.resolveServer(host, port),
      store: createProviderRoleStore(database),
      audit,
      onKeyError: (e) =>
        logger.error({ err: { name: e.name, message: e.message } }, 'signing keys withdrawn'),
      ...options.authserver,
    });
    authserver.start();
    const session = {
      secure: config.publicBaseUrl.startsWith('https:'),
      csrfKey,
      publicOrigin,
      cookiePath: mount.base || '/',
    };
    const consoleServices = createConsoleServices({
      db: database.db,
      store,
      client,
      providers,
      publicBaseUrl: config.publicBaseUrl,
      handoffFlows: [
        ...(builtIn.handoffFlows ?? []),
        (handoffId, session) => connectSessions.handoffFlow(handoffId, session),
      ],
      ...consoleTestOverrides(options.console),
      // Clients registered for the built-in demo provider are clients it accepts: it looks them
      // up in the registered clients (see startDemoProvider), so nothing is copied on save.
      audit,
    });
    const apiKeys = new ApiKeyService(createApiKeyRepository(database.db, database.readOne));
    const connectSessions = new ConnectSessionService({
      oauth: consoleServices.oauth,
      client,
      consumers,
      handoffs: createHandoffRepository(database.db),
      sessions: createApiConnectSessionRepository(database.db),
    });
    // The per-call session of `handler(request, { session })` travels in a header whose name is
    // random per process, so no client can send it; any value a client sends under it is dropped.
    const sessionHeader = `x-consentry-session-${random256().slice(0, 22).toLowerCase()}`;
    const hostSession: HostSessionHook = async (request) => {
      const given = request.headers[sessionHeader];
      if (typeof given === 'string') return given;
      return options.hostSession?.(request);
    };
    const serverDeps: ServerDeps = {
      logger,
      client,
      store,
      providers,
      demo,
      session,
      mount,
      hostSession,
      access: consoleServices.users,
      pages:
        options.console === false
          ? undefined
          : [
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
                [
                  ...builtIn.consolePages,
                  appsConsolePages(authserver),
                  authorizePages(authserver),
                  integrationsConsolePages(apiKeys, webhooks),
                  outreachConsolePages(outreach),
                ],
              ),
            ],
      plugins: [
        ...builtIn.plugins,
        outreachPlugin(outreach, session),
        authServerPlugin(authserver),
        // A normal Fastify plugin under its prefix, so a host can mount it elsewhere.
        async (app) => {
          await app.register(
            apiPlugin({
              keys: apiKeys,
              oauth: consoleServices.oauth,
              client,
              connectSessions,
              publicBaseUrl: config.publicBaseUrl,
              version: '1.0.0',
            }),
            { prefix: '/api/v1' },
          );
        },
        ...(options.plugins ?? []),
      ],
      // Not "ok" unless this server can open its secrets (a key rotated away from under it).
      health: async () => {
        await sentinel.open();
        return { database: database.dialect, secrets: 'ok' };
      },
    };
    const server = await buildServer(serverDeps);
    // Scale-out: every instance that serves HTTP also keeps connections fresh (the lease keeps
    // instances from refreshing one connection twice). CLI commands never listen, so never sweep.
    const backgroundRefresher = config.backgroundRefresh.enabled
      ? new BackgroundRefresher({
          client,
          connections: store.connections,
          providerOf: (key) => (providers.has(key) ? providers.get(key) : undefined),
          // Through the client: the outbox, `events` listeners and the owning consumer.
          emit: (event) => client.publish(event),
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
    // Every listening instance delivers webhooks (claims keep them from sending a row twice);
    // CLI commands record events but never deliver.
    server.addHook('onListen', async () => dispatcher.start());
    server.addHook('onClose', async () => dispatcher.stop());
    const routes = consentryRoutes(serverDeps);
    const plugin = async (host: FastifyInstance): Promise<void> => {
      if (host.prefix !== mount.base)
        throw new ConsentryError('CONFIG_INVALID', {
          detail: `Consentry is registered under "${host.prefix || '/'}" but PUBLIC_BASE_URL (${config.publicBaseUrl}) puts it under "${mount.base || '/'}". Set PUBLIC_BASE_URL to the host's public URL followed by the prefix (e.g. https://app.example.com${host.prefix}): the redirect URL is built from it.`,
        });
      await routes(host);
      if (backgroundRefresher) {
        host.addHook('onListen', async () => backgroundRefresher.start());
        host.addHook('onClose', async () => backgroundRefresher.stop());
      }
      host.addHook('onListen', async () => dispatcher.start());
      host.addHook('onClose', async () => dispatcher.stop());
    };
    // Lazily: until the first request through a handler, callers may still add routes to `server`.
    let readied: Promise<unknown> | undefined;
    const ready = () => {
      readied ??= new Promise((resolve, reject) =>
        server.ready((error) => (error ? reject(error) : resolve(undefined))),
      );
      return readied;
    };
    const handler = async (request: Request, init: { session?: string | undefined } = {}) => {
      await ready();
      const url = new URL(request.url);
      const headers: Record<string, string> = {};
      request.headers.forEach((value, name) => {
        if (!name.startsWith('x-consentry-session-')) headers[name] = value;
      });
      if (init.session) headers[sessionHeader] = init.session;
      const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
      const res = await server.inject({
        method: request.method as 'GET',
        url: `${url.pathname}${url.search}`,
        headers,
        ...(hasBody ? { payload: Buffer.from(await request.arrayBuffer()) } : {}),
      });
      const out = new Headers();
      for (const [name, value] of Object.entries(res.headers)) {
        if (value === undefined) continue;
        for (const v of Array.isArray(value) ? value : [value]) out.append(name, String(v));
      }
      const empty = res.statusCode === 204 || res.statusCode === 304 || request.method === 'HEAD';
      return new Response(empty ? null : new Uint8Array(res.rawPayload), {
        status: res.statusCode,
        headers: out,
      });
    };
    const nodeHandler: Consentry['nodeHandler'] = (req, res, next) => {
      const url = req.originalUrl ?? req.url ?? '/';
      const path = url.split('?')[0] ?? '/';
      const inside = !mount.base || path === mount.base || path.startsWith(`${mount.base}/`);
      if (!inside && next) return next();
      req.url = url; // Express strips its mount path from req.url; the routes carry the whole path
      ready().then(
        () => server.routing(req, res),
        (error: unknown) => (next ? next(error) : res.writeHead(500).end()),
      );
    };
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
      plugin,
      handler,
      nodeHandler,
      mount,
      authserver,
      backgroundRefresher,
      features: builtIn.features,
      console: consoleServices,
      outreach,
      audit,
      keyRing,
      integrations: { apiKeys, connectSessions, webhooks, dispatcher },
      async close() {
        await server.close();
        await dispatcher.stop();
        mailTransport?.close();
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

/** `admin/` → `/admin`; `''` and `/` → `''`. */
function normalizePrefix(prefix: string): string {
  const p = `/${prefix}`.replace(/\/+/g, '/').replace(/\/$/, '');
  if (p && !/^(\/[A-Za-z0-9._~-]+)+$/.test(p))
    throw new ConsentryError('CONFIG_INVALID', {
      detail: `The console prefix "${prefix}" is not a plain path.`,
    });
  return p;
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

/** Registers the demo client (once) and starts oidc-provider for it. */
async function startDemoProvider(config: Config, store: Store, database: DatabaseHandle, mount: Mount) {
  const client = await ensureDemoClient(store);
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
  return mountedCallback(provider, `${mount.base}/demo`, new URL(config.publicBaseUrl));
}

/** Tests' sign-in budgets and clock for the console (none when the console is left out). */
function consoleTestOverrides(console: CreateOptions['console']): {
  signInBudgets?: Partial<SignInBudgets>;
  now?: () => number;
} {
  if (!console) return {};
  return {
    ...(console.signInBudgets ? { signInBudgets: console.signInBudgets } : {}),
    ...(console.now ? { now: console.now } : {}),
  };
}
