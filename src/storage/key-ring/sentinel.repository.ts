import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { ConsentryError } from '../../domain/errors.ts';
import { aadFor, type SecretBox } from '../../secrets/secret-box.ts';
import type { Database } from '../schema.ts';
import type { SentinelRepository } from './key-ring.ports.ts';

const ID = 'sentinel';
const AAD = aadFor('sealed_sentinel', 'value', ID);

/** `sealed_sentinel` (migration 0009): one sealed random value, re-sealed by `secret-key rewrap`. */
export function createSentinelRepository(db: Kysely<Database>, box: SecretBox): SentinelRepository {
  const open = async (): Promise<string> => {
    const row = await db
      .selectFrom('sealed_sentinel')
      .select('value')
      .where('id', '=', ID)
      .executeTakeFirst();
    if (!row)
      throw new ConsentryError('SECRET_OPEN_FAILED', { detail: 'The sealed sentinel row is missing.' });
    return box.open(row.value, AAD);
  };
  return {
    open,
    async ensure() {
      const existing = await db
        .selectFrom('sealed_sentinel')
        .select('value')
        .where('id', '=', ID)
        .executeTakeFirst();
      if (!existing) {
        await db
          .insertInto('sealed_sentinel')
          .values({
            id: ID,
            value: box.seal(randomBytes(32).toString('base64url'), AAD),
            created_at: Date.now(),
          })
          .onConflict((oc) => oc.column('id').doNothing())
          .execute();
      }
      return open();
    },
  };
}
