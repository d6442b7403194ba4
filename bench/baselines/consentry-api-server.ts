import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createConsentry } from '../../src/app.ts';
import { loadConfig } from '../../src/config/config.ts';
import { OPERATOR } from '../../src/console/actor.ts';
import { createLogger } from '../../src/logger.ts';
import { opsPerSecond } from '../harness.ts';

/**
 * Child process for `api-access-token`: the whole Consentry (Fastify, SQLite, every plugin) with
 * one connection holding a valid access token (expires in a day) and an API key with
 * `access_tokens:read`. Prints one JSON line `{port, path, key}`; then, for every `measure` line on
 * stdin, measures the in-process `ensureFresh` rate on that connection on this same (pinned) core
 * for 2 s and prints `{inProcess}` (ops/s) — so the parent interleaves it with the HTTP rounds.
 */
const dataDir = mkdtempSync(join(tmpdir(), 'consentry-bench-api-'));
const config = loadConfig({
  PORT: '0',
  HOST: '127.0.0.1',
  DATA_DIR: dataDir,
  PUBLIC_BASE_URL: 'http://127.0.0.1:1',
  DEMO_PROVIDER: 'false',
  BACKGROUND_REFRESH: 'false',
  LOG_LEVEL: 'warn',
});
const app = await createConsentry(config, {
  logger: createLogger({ level: 'warn', destination: process.stderr }),
});
const client = await app.store.clients.create({
  providerKey: 'github',
  name: 'Bench',
  clientId: 'bench',
  clientSecret: 'bench-secret',
});
const connection = await app.store.connections.insert(
  {
    clientRef: client.id,
    providerKey: 'github',
    purpose: 'api.bench',
    payload: {},
    account: 'bench',
    subject: 'bench',
    issuer: undefined,
    accessToken: `gho_${'x'.repeat(36)}`,
    refreshToken: undefined,
    tokenType: 'bearer',
    scopes: ['repo'],
    expiresAt: new Date(Date.now() + 86_400_000),
  },
  new Date(),
);
const { key } = await app.integrations.apiKeys.create(OPERATOR, {
  name: 'bench',
  scopes: ['access_tokens:read'],
});
await app.server.listen({ port: 0, host: '127.0.0.1' });
const port = (app.server.server.address() as { port: number }).port;
process.stdout.write(
  `${JSON.stringify({ port, path: `/api/v1/connections/${connection.id}/access-token`, key })}\n`,
);
createInterface({ input: process.stdin }).on('line', async (line) => {
  if (line.trim() !== 'measure') return;
  const inProcess = await opsPerSecond(() => app.client.ensureFresh(connection.id), {
    rounds: 1,
    roundMs: 2000,
    warmupMs: 200,
  });
  process.stdout.write(`${JSON.stringify({ inProcess })}\n`);
});
const stop = async () => {
  await app.close();
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
