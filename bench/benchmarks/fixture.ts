import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ProviderRegistry } from '../../src/catalog/registry.ts';
import { ConsumerRegistry } from '../../src/core/consumers.ts';
import { OAuth2Client } from '../../src/core/oauth2-client.ts';
import { SecretBox, secretKeyFrom } from '../../src/secrets/secret-box.ts';
import { type DatabaseHandle, migrateToLatest, openDatabase } from '../../src/storage/database.ts';
import { createKyselyStore } from '../../src/storage/kysely-store.ts';
import type { Store } from '../../src/storage/ports.ts';

/** A store with one registered client and one connection whose token is valid for a day. */
export interface StoreFixture {
  handle: DatabaseHandle;
  box: SecretBox;
  store: Store;
  client: OAuth2Client;
  connectionId: string;
  close(): Promise<void>;
}

export async function storeFixture(
  options: { databaseUrl?: string; schema?: string } = {},
): Promise<StoreFixture> {
  const dir = mkdtempSync(join(tmpdir(), 'consentry-bench-'));
  const handle = openDatabase({
    databaseUrl: options.databaseUrl,
    sqliteFile: join(dir, 'bench.sqlite'),
    schema: options.schema,
  });
  await migrateToLatest(handle.db);
  const box = new SecretBox([secretKeyFrom(SecretBox.generateKey())]);
  const store = createKyselyStore(handle.db, box, { readOne: handle.readOne });
  const providers = new ProviderRegistry([
    {
      key: 'bench',
      displayName: 'Bench',
      protocol: 'oauth2',
      endpoints: { authorization: 'https://bench.invalid/authorize', token: 'https://bench.invalid/token' },
    },
  ]);
  const client = new OAuth2Client({
    store,
    providers,
    consumers: new ConsumerRegistry(),
    redirectUri: 'http://localhost/oauth/callback',
    protocol: { allowInsecure: () => false, timeoutMs: 1000 },
  });
  const registered = await store.clients.create({
    providerKey: 'bench',
    name: 'bench',
    clientId: 'id',
    clientSecret: 's',
  });
  const connection = await store.connections.insert(
    {
      clientRef: registered.id,
      providerKey: 'bench',
      purpose: 'bench',
      payload: {},
      account: 'a@example.com',
      subject: 'a',
      issuer: undefined,
      accessToken: `at-${'x'.repeat(40)}`,
      refreshToken: `rt-${'y'.repeat(40)}`,
      tokenType: 'bearer',
      scopes: ['read'],
      expiresAt: new Date(Date.now() + 86_400_000),
    },
    new Date(),
  );
  return {
    handle,
    box,
    store,
    client,
    connectionId: connection.id,
    async close() {
      await handle.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
