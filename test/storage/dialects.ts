import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SecretBox, secretKeyFrom } from '../../src/secrets/secret-box.ts';
import { type DatabaseHandle, migrateToLatest, openDatabase } from '../../src/storage/database.ts';
import { createKyselyStore } from '../../src/storage/kysely-store.ts';
import type { Store } from '../../src/storage/ports.ts';
import { createTestSchema, postgresAvailable } from '../support/postgres.ts';

/**
 * The two engines the one storage suite runs against: a SQLite file in a temporary directory
 * (WAL, busy timeout — as in production) and a fresh PostgreSQL schema.
 */
export interface OpenedStore {
  handle: DatabaseHandle;
  store: Store;
  box: SecretBox;
  close(): Promise<void>;
}

export interface Dialect {
  name: 'sqlite' | 'postgres';
  available: boolean;
  open(): Promise<OpenedStore>;
}

export async function dialects(prefix: string): Promise<Dialect[]> {
  const pgUp = await postgresAvailable();
  const finish = async (handle: DatabaseHandle, cleanup: () => Promise<void> | void) => {
    await migrateToLatest(handle.db);
    const box = new SecretBox([secretKeyFrom(SecretBox.generateKey())]);
    const store = createKyselyStore(handle.db, box, {
      readOne: handle.readOne,
      writeReturning: handle.writeReturning,
    });
    return {
      handle,
      store,
      box,
      async close() {
        await handle.close();
        await cleanup();
      },
    };
  };
  return [
    {
      name: 'sqlite',
      available: true,
      async open() {
        const dir = mkdtempSync(join(tmpdir(), `consentry-${prefix}-`));
        const handle = openDatabase({ sqliteFile: join(dir, 'store.sqlite') });
        return finish(handle, () => rmSync(dir, { recursive: true, force: true }));
      },
    },
    {
      name: 'postgres',
      available: pgUp,
      async open() {
        const s = await createTestSchema(prefix);
        const handle = openDatabase({ databaseUrl: s.url, sqliteFile: ':memory:', schema: s.schema });
        return finish(handle, () => s.drop());
      },
    },
  ];
}
