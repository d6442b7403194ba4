import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { type Consentry, type CreateOptions, createConsentry } from '../../src/app.ts';
import { loadConfig } from '../../src/config/config.ts';
import { createLogger } from '../../src/logger.ts';
import { LOOPBACK_ALLOW } from './egress.ts';
import { freePort } from './ports.ts';

/**
 * Starts a whole Consentry (real SQLite file in a temporary data directory, real server on a
 * loopback port) and captures every log line, so tests can assert that secrets never appear.
 */
export interface TestConsentry {
  app: Consentry;
  baseUrl: string;
  dataDir: string;
  logs: string[];
  close(options?: { keepData?: boolean }): Promise<void>;
}

export async function startConsentry(
  options: CreateOptions & { env?: Record<string, string>; dataDir?: string; listen?: boolean } = {},
): Promise<TestConsentry> {
  const port = await freePort();
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'consentry-test-'));
  const logs: string[] = [];
  const destination = new Writable({
    write(chunk, _enc, cb) {
      logs.push(String(chunk));
      cb();
    },
  });
  const config = loadConfig(
    {
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
      LOG_LEVEL: 'debug',
      // Tests' peers listen on loopback: opened as an operator would (SSRF tests override it).
      EGRESS_ALLOW: LOOPBACK_ALLOW,
      ...(options.env ?? {}),
    },
    { server: true },
  );
  const app = await createConsentry(config, {
    ...options,
    logger: options.logger ?? createLogger({ level: 'debug', destination }),
  });
  if (options.listen !== false) await app.server.listen({ port: config.port, host: '127.0.0.1' });
  return {
    app,
    baseUrl: config.publicBaseUrl,
    dataDir,
    logs,
    async close({ keepData = false } = {}) {
      await app.close();
      if (!keepData && !options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A Google client and `count` active connections with long-lived tokens (`access-<i>`,
 * `refresh-<i>`, expiring in a day), written through the store so every token is sealed under
 * the current key — the rotation and rewrap suites start from this.
 */
export async function seedGoogleConnections(
  app: Consentry,
  count: number,
  clientSecret = 'client-secret',
): Promise<{ clientId: string; ids: string[] }> {
  const client = await app.store.clients.create({
    providerKey: 'google',
    name: 'Mail',
    clientId: 'id.apps.googleusercontent.com',
    clientSecret,
  });
  const now = new Date();
  const expiresAt = new Date(now.getTime() + 24 * 3600_000);
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const c = await app.store.connections.insert(
      {
        clientRef: client.id,
        providerKey: 'google',
        purpose: 'console',
        payload: {},
        account: `user${i}@example.org`,
        subject: String(i),
        issuer: 'https://accounts.google.com',
        accessToken: `access-${i}`,
        refreshToken: `refresh-${i}`,
        tokenType: 'Bearer',
        scopes: ['openid'],
        expiresAt,
      },
      now,
    );
    ids.push(c.id);
  }
  return { clientId: client.id, ids };
}
