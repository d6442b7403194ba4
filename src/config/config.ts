import { join, resolve } from 'node:path';
import { z } from 'zod';
import { ConsentryError } from '../domain/errors.ts';
import { type EgressRule, isLoopbackHost, parseEgressAllow } from '../egress/policy.ts';

/**
 * The environment, parsed once into one typed object. Nothing else reads `process.env`.
 */
const booleanFlag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off'])
  .transform((v) => ['1', 'true', 'yes', 'on'].includes(v));

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('localhost'),
  PUBLIC_BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z.string().min(1).optional(),
  SECRET_BOX_KEY: z.string().optional(),
  /** Issue 10: the key file (default DATA_DIR/secret-box.key); several instances share one. */
  SECRET_BOX_KEY_FILE: z.string().min(1).optional(),
  /** Issue 10: how often a server re-reads the key file and records its key ids, seconds. */
  KEY_RING_CHECK_SECONDS: z.coerce.number().min(0.05).max(3600).default(10),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** `pretty` (human-readable lines), `json` (one JSON object per line), `auto`: pretty on a terminal. */
  LOG_FORMAT: z.enum(['auto', 'pretty', 'json']).default('auto'),
  /** Default: on only when PUBLIC_BASE_URL is loopback (the demo accepts any name and password). */
  DEMO_PROVIDER: booleanFlag.optional(),
  /** Operator exceptions to the egress policy: `10.0.0.0/8,mail.internal:993,127.0.0.1` (src/egress/policy.ts). */
  EGRESS_ALLOW: z.string().optional(),
  /** Access-token lifetime of the built-in demo provider, seconds. */
  DEMO_ACCESS_TOKEN_TTL: z.coerce.number().int().min(5).default(3600),
  REFRESH_SKEW_SECONDS: z.coerce.number().int().min(0).default(60),
  // Scale-out (issue 5): the background refresher (runs in every instance that serves HTTP).
  BACKGROUND_REFRESH: booleanFlag.default(true),
  BACKGROUND_REFRESH_INTERVAL_SECONDS: z.coerce.number().min(0.05).default(30),
  BACKGROUND_REFRESH_WINDOW_SECONDS: z.coerce.number().int().min(0).default(300),
  BACKGROUND_REFRESH_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  REFRESH_LAPSE_WARN_HOURS: z.coerce.number().min(0).default(48),
  /** Names this instance in lease owners (debugging several instances); random when unset. */
  INSTANCE_ID: z
    .string()
    .regex(/^[A-Za-z0-9._-]{1,64}$/)
    .optional(),
  KEYS_DIR: z.string().min(1).optional(),
  SMTP_URL: z.string().min(1).optional(),
  /** Sender of the owner notification: `addr@host` or `Name <addr@host>` (no line breaks: a header). */
  MAIL_FROM: z
    .string()
    .regex(/^(?:[^<>\r\n]*<[^<>@\s]+@[^<>@\s]+>|[^<>@\s]+@[^<>@\s]+)$/, 'an address or Name <address>')
    .optional(),
  // Consumers (issue 7): discovery, the demo provider's mail servers, sign-in policy.
  CONSUMER_MODULES: z.string().optional(),
  /** The demo provider's test mail servers (unset: the demo is not offered for mailboxes). */
  MAIL_DEMO_IMAP_URL: z.string().min(1).optional(),
  MAIL_DEMO_SMTP_URL: z.string().min(1).optional(),
  SIGNIN_CREATE_USERS: booleanFlag.default(false),
  SIGNIN_ALLOWED_DOMAINS: z.string().optional(),
});

export interface Config {
  port: number;
  host: string;
  publicBaseUrl: string;
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
    lapseWindowMs: number;
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

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = EnvSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConsentryError('CONFIG_INVALID', { detail });
  }
  const e = parsed.data;
  const publicBaseUrl = (e.PUBLIC_BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, '');
  const dataDir = resolve(e.DATA_DIR);
  const loopbackPublic = isLoopbackHost(new URL(publicBaseUrl).hostname);
  const demoProvider = e.DEMO_PROVIDER ?? loopbackPublic;
  return {
    port: e.PORT,
    host: e.HOST,
    publicBaseUrl,
    redirectUri: `${publicBaseUrl}/oauth/callback`,
    dataDir,
    databaseUrl: e.DATABASE_URL,
    sqliteFile: join(dataDir, 'consentry.sqlite'),
    secretBoxKey: e.SECRET_BOX_KEY,
    secretKeyFile: resolve(e.SECRET_BOX_KEY_FILE ?? join(dataDir, 'secret-box.key')),
    keyRingCheckMs: Math.round(e.KEY_RING_CHECK_SECONDS * 1000),
    keysDir: resolve(e.KEYS_DIR ?? join(dataDir, 'keys')),
    smtpUrl: e.SMTP_URL,
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
      lapseWindowMs: Math.round(e.REFRESH_LAPSE_WARN_HOURS * 3600_000),
    },
    instanceId: e.INSTANCE_ID,
    consumerModules: splitList(e.CONSUMER_MODULES),
    mailDemoImapUrl: e.MAIL_DEMO_IMAP_URL,
    mailDemoSmtpUrl: e.MAIL_DEMO_SMTP_URL,
    signinCreateUsers: e.SIGNIN_CREATE_USERS,
    signinAllowedDomains: splitList(e.SIGNIN_ALLOWED_DOMAINS).map((d) => d.toLowerCase().replace(/^@/, '')),
  };
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
