import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConsentry } from '../../src/app.ts';
import { newRefreshToken } from '../../src/authserver/refresh-token.ts';
import { generateKeyFiles, type SigningAlg } from '../../src/authserver/signing-keys.ts';
import { loadConfig } from '../../src/config/config.ts';
import { createLogger } from '../../src/logger.ts';
import { createProviderRoleStore } from '../../src/storage/provider-role.store.ts';
import { profileFromHere } from './profile.ts';

/**
 * Child process for `token-endpoint-refresh-*`: the whole Consentry (Fastify, SQLite, every
 * plugin), one public application, one console user and `CHAINS` grants, each with a refresh
 * token written the way a code redemption writes it (hash only). Prints one JSON line
 * `{port, path, clientId, refreshTokens}`; the load generator rotates each chain.
 */
const alg = (process.argv[2] ?? 'ES256') as SigningAlg;
const CHAINS = Number(process.argv[3] ?? 300);
// Optional: PostgreSQL instead of SQLite (`token-endpoint-refresh-es256-postgres`).
const [databaseUrl, schema] = [process.argv[4], process.argv[5]];
const dataDir = mkdtempSync(join(tmpdir(), 'consentry-bench-refresh-'));
generateKeyFiles(join(dataDir, 'keys'), { alg, now: new Date(Date.now() - 1000) });
const config = loadConfig({
  PORT: '0',
  HOST: '127.0.0.1',
  DATA_DIR: dataDir,
  PUBLIC_BASE_URL: 'http://127.0.0.1:1',
  DEMO_PROVIDER: 'false',
  BACKGROUND_REFRESH: 'false',
  LOG_LEVEL: 'warn',
  ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
});
const app = await createConsentry(config, {
  logger: createLogger({ level: 'warn', destination: process.stderr }),
  ...(schema ? { schema } : {}),
});
const { application } = await app.authserver.applications.create({
  organization: 'Bench',
  name: 'bench',
  ownerEmail: 'bench@example.test',
  scopes: 'participants:read',
  clientType: 'public',
  redirectUris: ['http://127.0.0.1/cb'],
});
const user = await app.console.users.create({
  email: 'staffer@example.test',
  password: randomBytes(16).toString('hex'),
  permissions: [],
});
const store = createProviderRoleStore(app.database).authorizations;
const refreshTokens: string[] = [];
const now = Date.now();
for (let i = 0; i < CHAINS; i++) {
  const grantId = randomUUID();
  await store.insertGrant({
    id: grantId,
    applicationId: application.id,
    clientId: application.clientId,
    userId: user.id,
    scopes: ['participants:read'],
    audience: app.authserver.audiences.backend,
    authTime: now,
    createdAt: now,
  });
  // The form the token endpoint issues (`<grant id>~<secret>`), as a code redemption would.
  const token = newRefreshToken(grantId);
  await store.insertRefreshToken(
    createHash('sha256').update(token).digest('hex'),
    grantId,
    now + 86_400_000,
    now,
  );
  refreshTokens.push(token);
}
await app.server.listen({ port: 0, host: '127.0.0.1' });
const port = (app.server.server.address() as { port: number }).port;
const writeProfile = await profileFromHere('consentry');
process.stdout.write(
  `${JSON.stringify({ port, path: '/oauth2-token', clientId: application.clientId, refreshTokens })}\n`,
);
const stop = async () => {
  await writeProfile();
  await app.close();
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
