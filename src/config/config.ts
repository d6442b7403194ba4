import { join, resolve } from 'node:path';
import { z } from 'zod';
import { ConsentryError } from '../domain/errors.ts';

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
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DEMO_PROVIDER: booleanFlag.default(true),
  /** Access-token lifetime of the built-in demo provider, seconds. */
  DEMO_ACCESS_TOKEN_TTL: z.coerce.number().int().min(5).default(3600),
  REFRESH_SKEW_SECONDS: z.coerce.number().int().min(0).default(60),
  KEYS_DIR: z.string().min(1).optional(),
  SMTP_URL: z.string().min(1).optional(),
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
  keysDir: string;
  smtpUrl: string | undefined;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  demoProvider: boolean;
  demoAccessTokenTtl: number;
  refreshSkewSeconds: number;
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
  return {
    port: e.PORT,
    host: e.HOST,
    publicBaseUrl,
    redirectUri: `${publicBaseUrl}/oauth/callback`,
    dataDir,
    databaseUrl: e.DATABASE_URL,
    sqliteFile: join(dataDir, 'consentry.sqlite'),
    secretBoxKey: e.SECRET_BOX_KEY,
    secretKeyFile: join(dataDir, 'secret-box.key'),
    keysDir: resolve(e.KEYS_DIR ?? join(dataDir, 'keys')),
    smtpUrl: e.SMTP_URL,
    logLevel: e.LOG_LEVEL,
    demoProvider: e.DEMO_PROVIDER,
    demoAccessTokenTtl: e.DEMO_ACCESS_TOKEN_TTL,
    refreshSkewSeconds: e.REFRESH_SKEW_SECONDS,
  };
}

/** A redirect URI browsers and providers accept without TLS: https, or http on a loopback host. */
export function isSecureRedirectUri(uri: string): boolean {
  const url = new URL(uri);
  if (url.protocol === 'https:') return true;
  return url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}
