import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConsentry } from '../../src/app.ts';
import { generateKeyFiles, type SigningAlg } from '../../src/authserver/signing-keys.ts';
import { loadConfig } from '../../src/config/config.ts';
import { createLogger } from '../../src/logger.ts';

/**
 * Child process for `token-endpoint-*`: the whole Consentry (Fastify, SQLite, every plugin) with one
 * application, listening on a loopback port. Prints one JSON line `{port, path, clientId, secret}`.
 * LOG_LEVEL warn by default (BENCH_LOG_LEVEL=info to measure with the default level's logging).
 */
const alg = (process.argv[2] ?? 'ES256') as SigningAlg;
const level = (process.env.BENCH_LOG_LEVEL ?? 'warn') as 'warn' | 'info';
const dataDir = mkdtempSync(join(tmpdir(), 'consentry-bench-token-'));
generateKeyFiles(join(dataDir, 'keys'), { alg, now: new Date(Date.now() - 1000) });
const config = loadConfig({
  PORT: '0',
  HOST: '127.0.0.1',
  DATA_DIR: dataDir,
  PUBLIC_BASE_URL: 'http://127.0.0.1:1',
  DEMO_PROVIDER: 'false',
  BACKGROUND_REFRESH: 'false',
  LOG_LEVEL: level,
});
const app = await createConsentry(config, {
  logger: createLogger({ level, destination: process.stderr }),
});
const { application, clientSecret } = await app.authserver.applications.create({
  organization: 'Bench',
  name: 'bench',
  ownerEmail: 'bench@example.test',
  scopes: 'participants:read',
});
await app.server.listen({ port: 0, host: '127.0.0.1' });
const port = (app.server.server.address() as { port: number }).port;
process.stdout.write(
  `${JSON.stringify({ port, path: '/oauth2-token', clientId: application.clientId, secret: clientSecret })}\n`,
);
const stop = async () => {
  await app.close();
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
