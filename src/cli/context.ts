import { readFileSync } from 'node:fs';
import type { Consentry } from '../app.ts';
import type { PrebuiltCatalog } from '../app-core.ts';
import { loadServerConfig, serverEnvironment } from '../config/config.ts';
import { isConsentryError } from '../domain/errors.ts';
import { redact } from '../domain/redact.ts';
import { jsonForOutput } from './json-output.ts';

/**
 * What every command gets: a Consentry over the configured data directory (same service layer as
 * the server; nothing listens), and output helpers. Errors go to stderr with a non-zero exit.
 */
export async function withConsentry<T>(fn: (app: Consentry) => Promise<T>): Promise<T> {
  const env = serverEnvironment(process.env);
  const config = loadServerConfig(env);
  // Loaded here, not at start-up: commands that need no Consentry (help, --version,
  // redirect-url) never pay for loading it.
  const [{ createConsentry }, { createLogger }] = await Promise.all([
    import('../app.ts'),
    import('../logger.ts'),
  ]);
  // Logs go to stderr so stdout stays clean for --json.
  const logger = createLogger({ level: env.LOG_LEVEL ?? 'warn', destination: process.stderr });
  const app = await createConsentry(config, { logger });
  try {
    return await fn(app);
  } finally {
    await app.close();
  }
}

/**
 * For the read-only listings (`providers list|show`, `connections list|show`): the console's
 * service layer over storage and the catalog only (src/app-core.ts), without the HTTP faces, the
 * mail consumer or the demo OpenID server — a fraction of `withConsentry`'s start-up.
 */
export async function withReader<T>(fn: (reader: import('../app-core.ts').Reader) => Promise<T>): Promise<T> {
  const config = loadServerConfig(serverEnvironment(process.env));
  const { openReader } = await import('../app-core.ts');
  const reader = await openReader(config, { catalog: prebuiltCatalog() });
  try {
    return await fn(reader);
  } finally {
    await reader.close();
  }
}

/**
 * The catalog as `npm run build` validated it (dist/catalog/catalog.json, written by
 * scripts/build.mjs; test/cli/prebuilt-catalog.test.ts holds it equal to the sources). Undefined
 * when running from the sources (tsx), where the catalog is loaded and validated as usual.
 */
function prebuiltCatalog(): PrebuiltCatalog | undefined {
  try {
    return JSON.parse(
      readFileSync(new URL('../catalog/catalog.json', import.meta.url), 'utf8'),
    ) as PrebuiltCatalog;
  } catch (e) {
    if ((e as { code?: string }).code === 'ENOENT') return undefined;
    throw e;
  }
}

/** `--json` output, every string redacted on its way out (see jsonForOutput). */
export function printJson(value: unknown): void {
  process.stdout.write(jsonForOutput(value));
}

/** A plain aligned table for humans. */
export function printTable(rows: Record<string, unknown>[], columns: string[]): void {
  if (rows.length === 0) {
    process.stdout.write('(none)\n');
    return;
  }
  const cell = (v: unknown) =>
    v === undefined || v === null ? '' : v instanceof Date ? v.toISOString() : redact(String(v));
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => cell(r[c]).length)));
  const line = (vals: string[]) =>
    `${vals
      .map((v, i) => v.padEnd(widths[i]!))
      .join('  ')
      .trimEnd()}\n`;
  process.stdout.write(line(columns.map((c) => c.toUpperCase())));
  for (const r of rows) process.stdout.write(line(columns.map((c) => cell(r[c]))));
}

export function fail(error: unknown): never {
  const message = isConsentryError(error)
    ? `${error.code}: ${error.message}`
    : error instanceof Error
      ? error.message
      : String(error);
  process.stderr.write(`consentry: ${redact(message)}\n`);
  process.exit(isConsentryError(error) && error.status < 500 ? 2 : 1);
}
