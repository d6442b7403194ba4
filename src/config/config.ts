import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseEnv } from 'node:util';
import { z } from 'zod';
import { ConsentryError } from '../domain/errors.ts';
import { type EgressRule, isLoopbackHost, parseEgressAllow } from '../egress/policy.ts';

/**
 * The environment, parsed once into one typed object. Nothing else reads `process.env`.
 */
const booleanFlag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off'])
  .transform((v) => ['1', 'true', 'yes', 'on'].includes(v));

/** One variable: its schema, what it means, and the default as the README shows it. */
const doc = <T extends z.ZodType>(schema: T, description: string, shownDefault?: string): T =>
  schema.meta({ description, ...(shownDefault !== undefined ? { shownDefault } : {}) });

/**
 * Every variable Consentry reads. The README's configuration table is generated from this
 * (`npm run docs:config`; test/config/config-table.test.ts fails when they differ).
 */
export const EnvSchema = z.object({
  PORT: doc(z.coerce.number().int().min(0).max(65535).default(3000), 'where the server listens (TCP port)'),
  HOST: doc(z.string().min(1).default('localhost'), 'the interface the server listens on'),
  PUBLIC_BASE_URL: doc(
    z.url({ protocol: /^https?$/ }).optional(),
    'the public URL of Consentry, with the mount path when a host serves it under one (`https://app.example.com/oauth`); the redirect URL is `PUBLIC_BASE_URL/oauth/callback`',
    '`http://localhost:PORT`',
  ),
  DATA_DIR: doc(
    z.string().min(1).default('./data'),
    'SQLite file, secret-box key file, demo provider keys, signing keys',
  ),
  DATABASE_URL: doc(z.string().min(1).optional(), '`postgres://…` to use PostgreSQL instead of SQLite'),
  SECRET_BOX_KEY: doc(
    z.string().optional(),
    'base64 32-byte key(s), comma-separated, current first (rotation then needs a rolling restart); unset: the key file',
  ),
  SECRET_BOX_KEY_FILE: doc(
    z.string().min(1).optional(),
    'the key file (one key a line, current first, created 0600 on first start); several instances point at one shared file',
    '`DATA_DIR/secret-box.key`',
  ),
  KEY_RING_CHECK_SECONDS: doc(
    z.coerce.number().min(0.05).max(3600).default(10),
    'how often a server re-reads the key file and records the key ids it holds (heartbeat), seconds',
  ),
  LOG_LEVEL: doc(
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    'pino level; secrets are redacted and query strings never logged; at `info` the token, introspection and revocation endpoints write no per-request access lines (`debug` shows them); the CLI defaults to `warn`',
  ),
  LOG_FORMAT: doc(
    z.enum(['auto', 'pretty', 'json']).default('auto'),
    '`pretty` (human-readable lines), `json` (one JSON object per line), `auto`: pretty on a terminal',
  ),
  DEMO_PROVIDER: doc(
    booleanFlag.optional(),
    'serve the built-in demo provider under `/demo` (any name, any password — never a console sign-in; a warning is logged when turned on for a public URL)',
    '`true` for `npm start` and the CLI when `PUBLIC_BASE_URL` is loopback; otherwise `false`',
  ),
  EGRESS_ALLOW: doc(
    z.string().optional(),
    'internal addresses outbound requests may reach anyway: `10.0.0.0/8,mail.internal:993,127.0.0.1:8080` ([docs/security.md](docs/security.md))',
  ),
  DEMO_ACCESS_TOKEN_TTL: doc(
    z.coerce.number().int().min(5).default(3600),
    'access-token lifetime of the built-in demo provider, seconds',
  ),
  REFRESH_SKEW_SECONDS: doc(
    z.coerce.number().int().min(0).default(60),
    '`ensureFresh` refreshes a token expiring within this many seconds',
  ),
  // Scale-out (issue 5): the background refresher (runs in every instance that serves HTTP).
  BACKGROUND_REFRESH: doc(
    booleanFlag.default(true),
    'renew connections before they expire, in every instance that serves HTTP',
  ),
  BACKGROUND_REFRESH_INTERVAL_SECONDS: doc(
    z.coerce.number().min(0.05).default(30),
    'seconds between two sweeps of the background refresher',
  ),
  BACKGROUND_REFRESH_WINDOW_SECONDS: doc(
    z.coerce.number().int().min(0).default(300),
    'the refresher renews tokens expiring within this many seconds',
  ),
  BACKGROUND_REFRESH_BATCH: doc(
    z.coerce.number().int().min(1).max(100_000).default(2_000),
    'most due connections one sweep refreshes (each interval); with hourly tokens one instance keeps about BATCH × 3600 / INTERVAL connections fresh (docs/benchmarks.md)',
  ),
  BACKGROUND_REFRESH_CONCURRENCY: doc(
    z.coerce.number().int().min(1).max(64).default(4),
    'refreshes in flight per provider and instance',
  ),
  BACKGROUND_REFRESH_PER_PROVIDER_RATE: doc(
    z.coerce.number().min(0).max(10_000).default(25),
    'refreshes the background refresher starts per second per provider, per instance (`0`: no limit)',
  ),
  REFRESH_LAPSE_WARN_HOURS: doc(
    z.coerce.number().min(0).default(48),
    'warn (`lapsing` event) this many hours before a refresh token reaches its documented lifetime',
  ),
  INSTANCE_ID: doc(
    z
      .string()
      .regex(/^[A-Za-z0-9._-]{1,64}$/)
      .optional(),
    'names this instance in refresh leases (debugging several instances)',
    'random',
  ),
  KEYS_DIR: doc(
    z.string().min(1).optional(),
    'provider role: signing keys (`consentry keys generate`)',
    '`DATA_DIR/keys`',
  ),
  SMTP_URL: doc(
    z.string().min(1).optional(),
    'owner notifications and reconnect links (e.g. `smtp://user:pass@mail.example.org:587`)',
  ),
  MAIL_FROM: doc(
    z
      .string()
      .regex(/^(?:[^<>\r\n]*<[^<>@\s]+@[^<>@\s]+>|[^<>@\s]+@[^<>@\s]+)$/, 'an address or Name <address>')
      .optional(),
    'sender of the owner notification (address or `Name <address>`)',
    '`Consentry <no-reply@PUBLIC_BASE_URL host>`',
  ),
  // Consumers (issue 7): discovery, the demo provider's mail servers, sign-in policy.
  CONSUMER_MODULES: doc(
    z.string().optional(),
    'packages, files or directories to discover consumers in (comma-separated)',
  ),
  MAIL_DEMO_IMAP_URL: doc(
    z.string().min(1).optional(),
    'the demo provider’s test IMAP server (unset: the demo is not offered for mailboxes)',
  ),
  MAIL_DEMO_SMTP_URL: doc(
    z.string().min(1).optional(),
    'the demo provider’s test SMTP server (unset: the demo is not offered for mailboxes)',
  ),
  SIGNIN_CREATE_USERS: doc(
    booleanFlag.default(false),
    'sign-in with an OpenID provider may create console users (only for `SIGNIN_ALLOWED_DOMAINS`)',
  ),
  SIGNIN_ALLOWED_DOMAINS: doc(
    z.string().optional(),
    'email domains sign-in may create users for (comma-separated)',
  ),
  // Provider role (issue 14): RFC 7591 dynamic registration of public native clients.
  REGISTRATION_ENABLED: doc(
    booleanFlag.default(false),
    'provider role: RFC 7591 self-registration of public native clients',
  ),
  REGISTRATION_INITIAL_ACCESS_TOKEN: doc(
    z.string().min(32, 'must be at least 32 characters').optional(),
    'provider role: the initial access token a self-registering client must present (≥ 32 characters)',
  ),
  REGISTRATION_ALLOWED_REDIRECT_URIS: doc(
    z.string().optional(),
    'provider role: redirect URIs self-registration accepts without an initial access token (comma-separated)',
  ),
  REGISTRATION_ORGANIZATION: doc(
    z.string().min(1).default('Self-registered apps'),
    'provider role: the organization self-registered apps belong to',
  ),
  REGISTRATION_OWNER: doc(
    z.email().optional(),
    'provider role: owner (email) of self-registered apps',
    '`registration@PUBLIC_BASE_URL host`',
  ),
  REGISTRATION_SCOPES: doc(
    z.string().default('participants:read'),
    'provider role: scopes a self-registered app may ask for (space-separated)',
  ),
  ENV_FILE: doc(
    z.string().min(1).optional(),
    'server and CLI: the `.env` file to read (it must exist); the real environment wins over it',
    '`.env` in the working directory, when present',
  ),
});

export interface Config {
  port: number;
  host: string;
  /** Without a trailing slash; may carry a path (the mount prefix), see `basePath`. */
  publicBaseUrl: string;
  /** The path of `publicBaseUrl` (`''` at the root, `/oauth` under a host's prefix): every route lives under it. */
  basePath: string;
  /** `${publicBaseUrl}/oauth/callback` — the one redirect URI, never derived from a Host header. */
  redirectUri: string;
  dataDir: string;
  databaseUrl: string | undefined;
  sqliteFile: string;
  secretBoxKey: string | undefined;
  secretKeyFile: string;
  /** Key-ring heartbeat (issue 10): re-read the key file and record the held key ids, ms. */
  keyRingCheckMs: number;
  keysDir: string;
  smtpUrl: string | undefined;
  /** RFC 7591 dynamic client registration (provider role); off by default. */
  registration: {
    enabled: boolean;
    initialAccessToken: string | undefined;
    allowedRedirectUris: string[];
    organization: string;
    ownerEmail: string;
    scopes: string[];
  };
  /** Owner notification sender; undefined: `Consentry <no-reply@PUBLIC_BASE_URL host>`. */
  mailFrom: string | undefined;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  logFormat: z.infer<typeof EnvSchema>['LOG_FORMAT'];
  demoProvider: boolean;
  /** The demo provider was turned on for a public URL that is not loopback (start-up warns). */
  demoProviderOffLoopback: boolean;
  /** EGRESS_ALLOW, parsed: internal addresses outbound requests may reach anyway. */
  egressAllow: EgressRule[];
  demoAccessTokenTtl: number;
  refreshSkewSeconds: number;
  /** Scale-out (issue 5): background refresher settings. */
  backgroundRefresh: {
    enabled: boolean;
    intervalMs: number;
    windowSeconds: number;
    perProviderConcurrency: number;
    perProviderRatePerSecond: number;
    lapseWindowMs: number;
    /** Most due (and lapsing) connections handled per sweep. */
    batchSize: number;
  };
  instanceId: string | undefined;
  /** Consumer modules to discover: package names, files or directories (CONSUMER_MODULES, comma-separated). */
  consumerModules: string[];
  mailDemoImapUrl: string | undefined;
  mailDemoSmtpUrl: string | undefined;
  /** Sign-in creates a console user on first sign-in (only for `signinAllowedDomains`). */
  signinCreateUsers: boolean;
  signinAllowedDomains: string[];
}

/** Owner of self-registered apps when REGISTRATION_OWNER is unset: an address on the public host. */
function registrationOwner(hostname: string): string {
  // An IP address or a single-label host makes no email domain: RFC 2606's .invalid says so.
  const domain = /^[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}$/i.test(hostname) ? hostname : 'consentry.invalid';
  return `registration@${domain}`;
}

export interface LoadOptions {
  /**
   * Defaults for Consentry's own server and CLI (`npm start`, `consentry …`): the demo provider
   * on unless DEMO_PROVIDER says otherwise. A library (the default) serves it only when asked.
   */
  server?: boolean;
}

/** Parses `env` (default `process.env`; see `serverEnvironment` for `.env` files). Throws CONFIG_INVALID. */
export function loadConfig(
  env: Record<string, string | undefined> = process.env,
  options: LoadOptions = {},
): Config {
  const parsed = EnvSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConsentryError('CONFIG_INVALID', { detail });
  }
  const e = parsed.data;
  const publicBaseUrl = (e.PUBLIC_BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, '');
  const base = new URL(publicBaseUrl);
  if (base.search || base.hash || base.username || base.password)
    throw new ConsentryError('CONFIG_INVALID', {
      detail: 'PUBLIC_BASE_URL: an origin with an optional path — no query, fragment or credentials',
    });
  const dataDir = resolve(e.DATA_DIR);
  const loopbackPublic = isLoopbackHost(new URL(publicBaseUrl).hostname);
  // Off in a library unless asked for (issue 13); for `npm start` and the CLI, on only on a loopback
  // public URL (issue 10: the demo accepts any name and password).
  const demoProvider = e.DEMO_PROVIDER ?? (options.server === true && loopbackPublic);
  return {
    port: e.PORT,
    host: e.HOST,
    publicBaseUrl,
    basePath: base.pathname.replace(/\/+$/, ''),
    redirectUri: `${publicBaseUrl}/oauth/callback`,
    dataDir,
    databaseUrl: e.DATABASE_URL,
    sqliteFile: join(dataDir, 'consentry.sqlite'),
    secretBoxKey: e.SECRET_BOX_KEY,
    secretKeyFile: resolve(e.SECRET_BOX_KEY_FILE ?? join(dataDir, 'secret-box.key')),
    keyRingCheckMs: Math.round(e.KEY_RING_CHECK_SECONDS * 1000),
    keysDir: resolve(e.KEYS_DIR ?? join(dataDir, 'keys')),
    smtpUrl: e.SMTP_URL,
    registration: {
      enabled: e.REGISTRATION_ENABLED,
      initialAccessToken: e.REGISTRATION_INITIAL_ACCESS_TOKEN,
      allowedRedirectUris: (e.REGISTRATION_ALLOWED_REDIRECT_URIS ?? '').split(/[\s,]+/).filter(Boolean),
      organization: e.REGISTRATION_ORGANIZATION,
      ownerEmail: e.REGISTRATION_OWNER ?? registrationOwner(new URL(publicBaseUrl).hostname),
      scopes: e.REGISTRATION_SCOPES.split(/[\s,]+/).filter(Boolean),
    },
    mailFrom: e.MAIL_FROM,
    logLevel: e.LOG_LEVEL,
    logFormat: e.LOG_FORMAT,
    demoProvider,
    demoProviderOffLoopback: demoProvider && !loopbackPublic,
    egressAllow: parseEgressAllow(e.EGRESS_ALLOW),
    demoAccessTokenTtl: e.DEMO_ACCESS_TOKEN_TTL,
    refreshSkewSeconds: e.REFRESH_SKEW_SECONDS,
    backgroundRefresh: {
      enabled: e.BACKGROUND_REFRESH,
      intervalMs: Math.round(e.BACKGROUND_REFRESH_INTERVAL_SECONDS * 1000),
      windowSeconds: e.BACKGROUND_REFRESH_WINDOW_SECONDS,
      perProviderConcurrency: e.BACKGROUND_REFRESH_CONCURRENCY,
      perProviderRatePerSecond: e.BACKGROUND_REFRESH_PER_PROVIDER_RATE,
      lapseWindowMs: Math.round(e.REFRESH_LAPSE_WARN_HOURS * 3600_000),
      batchSize: e.BACKGROUND_REFRESH_BATCH,
    },
    instanceId: e.INSTANCE_ID,
    consumerModules: splitList(e.CONSUMER_MODULES),
    mailDemoImapUrl: e.MAIL_DEMO_IMAP_URL,
    mailDemoSmtpUrl: e.MAIL_DEMO_SMTP_URL,
    signinCreateUsers: e.SIGNIN_CREATE_USERS,
    signinAllowedDomains: splitList(e.SIGNIN_ALLOWED_DOMAINS).map((d) => d.toLowerCase().replace(/^@/, '')),
  };
}

/**
 * The environment of Consentry's own server and CLI: the variables of a `.env` file (in the
 * working directory, or the file named by `ENV_FILE`) under the real environment, which wins —
 * the precedence of Node's own `--env-file`. Parsed by Node's `util.parseEnv` (Node ≥ 20.12),
 * the parser behind `process.loadEnvFile`, which we do not call because it would write into
 * `process.env` for the whole process (a library must not).
 */
export function serverEnvironment(
  env: Record<string, string | undefined> = process.env,
  cwd = process.cwd(),
): Record<string, string | undefined> {
  const file = env.ENV_FILE ? resolve(cwd, env.ENV_FILE) : join(cwd, '.env');
  if (!existsSync(file)) {
    if (env.ENV_FILE)
      throw new ConsentryError('CONFIG_INVALID', { detail: `ENV_FILE: ${file} does not exist` });
    return env;
  }
  return { ...parseEnv(readFileSync(file, 'utf8')), ...env };
}

/** `loadConfig` for `npm start` and the CLI: `.env` included, the server's defaults. */
export function loadServerConfig(env: Record<string, string | undefined> = process.env): Config {
  return loadConfig(serverEnvironment(env), { server: true });
}

/** A redirect URI browsers and providers accept without TLS: https, or http on a loopback host. */
export function isSecureRedirectUri(uri: string): boolean {
  const url = new URL(uri);
  if (url.protocol === 'https:') return true;
  return url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}

/** A comma-separated environment list, blanks dropped. */
function splitList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
