import type { Kysely } from 'kysely';
import { aadFor, type SecretBox } from '../secrets/secret-box.ts';
import { createClientRepository } from './clients.repository.ts';
import { createConnectionRepository } from './connections.repository.ts';
import type { DatabaseHandle } from './database.ts';
import { createFlowRepository } from './flows.repository.ts';
import type { Store } from './ports.ts';
import type { Database } from './schema.ts';

/** Every sealed column, for the start-up key check and `secret-key rewrap`. */
export const SEALED_COLUMNS = [
  { table: 'oauth_clients', column: 'client_secret', key: 'id' },
  { table: 'oauth_clients', column: 'client_key', key: 'id' },
  { table: 'connections', column: 'access_token', key: 'id' },
  { table: 'connections', column: 'refresh_token', key: 'id' },
  { table: 'connections', column: 'dpop_key', key: 'id' },
  { table: 'flows', column: 'code_verifier', key: 'state_hash' },
  // Issue 10: the value /healthz opens (re-sealed by rewrap like every other secret).
  { table: 'sealed_sentinel', column: 'value', key: 'id' },
  { table: 'webhook_endpoints', column: 'secret', key: 'id' },
] as const;

export function createKyselyStore(
  db: Kysely<Database>,
  box: SecretBox,
  options: Pick<DatabaseHandle, 'readOne' | 'writeReturning'> = {},
): Store {
  return {
    clients: createClientRepository(db, box),
    connections: createConnectionRepository(db, box, options.readOne, options.writeReturning),
    flows: createFlowRepository(db, box),
    async checkSealedValues() {
      let sealedCount = 0;
      let failure: Error | undefined;
      for (const { table, column, key } of SEALED_COLUMNS) {
        // biome-ignore lint/suspicious/noExplicitAny: the column list above is the typed contract
        const anyDb = db as Kysely<any>;
        const count = await anyDb
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .where(column, 'is not', null)
          .executeTakeFirstOrThrow();
        sealedCount += Number(count.n);
        const sample = await anyDb
          .selectFrom(table)
          .select([`${key} as rowId`, `${column} as sealed`])
          .where(column, 'is not', null)
          .limit(1)
          .executeTakeFirst();
        if (sample && !failure) {
          try {
            box.open(String(sample.sealed), aadFor(table, column, String(sample.rowId)));
          } catch (e) {
            failure = e as Error;
          }
        }
      }
      return { sealedCount, failure };
    },
  };
}
