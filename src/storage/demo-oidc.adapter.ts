import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

/**
 * oidc-provider's storage adapter over our database, so the demo provider's grants, sessions and
 * rotating refresh tokens survive a restart (the in-memory default would turn every demo
 * connection into `needs_reauth` after `npm start` is restarted).
 */
type Payload = Record<string, unknown> & {
  grantId?: string;
  userCode?: string;
  uid?: string;
  consumed?: number;
};

export function demoOidcAdapter(db: Kysely<Database>) {
  return class DemoOidcAdapter {
    readonly model: string;
    constructor(model: string) {
      this.model = model;
    }

    async upsert(id: string, payload: Payload, expiresIn?: number): Promise<void> {
      const row = {
        model: this.model,
        id,
        payload: JSON.stringify(payload),
        grant_id: payload.grantId ?? null,
        user_code: payload.userCode ?? null,
        uid: payload.uid ?? null,
        expires_at: expiresIn ? Date.now() + expiresIn * 1000 : null,
      };
      await db
        .insertInto('demo_oidc_models')
        .values(row)
        .onConflict((oc) => oc.columns(['model', 'id']).doUpdateSet({ ...row }))
        .execute();
    }

    async #findWhere(column: 'id' | 'uid' | 'user_code', value: string): Promise<Payload | undefined> {
      const row = await db
        .selectFrom('demo_oidc_models')
        .select(['payload', 'expires_at'])
        .where('model', '=', this.model)
        .where(column, '=', value)
        .executeTakeFirst();
      if (!row) return undefined;
      if (row.expires_at !== null && Number(row.expires_at) < Date.now()) return undefined;
      return JSON.parse(row.payload) as Payload;
    }

    find(id: string) {
      return this.#findWhere('id', id);
    }
    findByUid(uid: string) {
      return this.#findWhere('uid', uid);
    }
    findByUserCode(userCode: string) {
      return this.#findWhere('user_code', userCode);
    }

    async consume(id: string): Promise<void> {
      const found = await this.find(id);
      if (!found) return;
      found.consumed = Math.floor(Date.now() / 1000);
      await db
        .updateTable('demo_oidc_models')
        .set({ payload: JSON.stringify(found) })
        .where('model', '=', this.model)
        .where('id', '=', id)
        .execute();
    }

    async destroy(id: string): Promise<void> {
      await db.deleteFrom('demo_oidc_models').where('model', '=', this.model).where('id', '=', id).execute();
    }

    async revokeByGrantId(grantId: string): Promise<void> {
      await db.deleteFrom('demo_oidc_models').where('grant_id', '=', grantId).execute();
    }
  };
}
