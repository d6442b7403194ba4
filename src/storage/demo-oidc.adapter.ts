import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

/**
 * oidc-provider's storage adapter over our database, so the demo provider's grants, sessions and
 * rotating refresh tokens survive a restart (the in-memory default would turn every demo
 * connection into `needs_reauth` after `npm start` is restarted).
 *
 * Nothing stored here is a usable credential (issue 10, finding 6):
 * - tokens (access, refresh, authorization codes…) are opaque values that oidc-provider uses as
 *   the model id and repeats as `jti` in the payload. The row id is the SHA-256 of the value and
 *   the payload is stored without `jti` (restored from the presented value on lookup), so a copy of
 *   the table opens nothing — as the provider role stores its client secrets.
 * - clients are never written here: `clientLookup` answers from the registered clients, whose
 *   secrets stay sealed in `oauth_clients` (the SecretBox), and opens the secret only in memory.
 */
type Payload = Record<string, unknown> & {
  grantId?: string;
  userCode?: string;
  uid?: string;
  consumed?: number;
  jti?: string;
};

/** oidc-provider models whose id is a bearer value (RFC 6749 tokens and codes). */
const TOKEN_MODELS = new Set([
  'AccessToken',
  'AuthorizationCode',
  'RefreshToken',
  'ClientCredentials',
  'DeviceCode',
  'BackchannelAuthenticationRequest',
  'RegistrationAccessToken',
  'InitialAccessToken',
  'PushedAuthorizationRequest',
]);

/** oidc-provider's `Client` properties for a client id, or undefined when unknown. */
export type DemoClientLookup = (clientId: string) => Promise<Record<string, unknown> | undefined>;

function hashOf(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

export function demoOidcAdapter(db: Kysely<Database>, clientLookup?: DemoClientLookup) {
  return class DemoOidcAdapter {
    readonly model: string;
    readonly #hashed: boolean;
    constructor(model: string) {
      this.model = model;
      this.#hashed = TOKEN_MODELS.has(model);
    }

    #rowId(id: string): string {
      return this.#hashed ? hashOf(id) : id;
    }

    async upsert(id: string, payload: Payload, expiresIn?: number): Promise<void> {
      if (this.model === 'Client') return; // clients live (sealed) in oauth_clients
      const { jti: _jti, ...rest } = payload;
      const row = {
        model: this.model,
        id: this.#rowId(id),
        payload: JSON.stringify(this.#hashed ? rest : payload),
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

    async find(id: string): Promise<Payload | undefined> {
      if (this.model === 'Client') return (await clientLookup?.(id)) as Payload | undefined;
      const found = await this.#findWhere('id', this.#rowId(id));
      return found && this.#hashed ? { ...found, jti: id } : found;
    }
    findByUid(uid: string) {
      return this.#findWhere('uid', uid);
    }
    findByUserCode(userCode: string) {
      return this.#findWhere('user_code', userCode);
    }

    async consume(id: string): Promise<void> {
      const rowId = this.#rowId(id);
      const found = await this.#findWhere('id', rowId);
      if (!found) return;
      found.consumed = Math.floor(Date.now() / 1000);
      await db
        .updateTable('demo_oidc_models')
        .set({ payload: JSON.stringify(found) })
        .where('model', '=', this.model)
        .where('id', '=', rowId)
        .execute();
    }

    async destroy(id: string): Promise<void> {
      await db
        .deleteFrom('demo_oidc_models')
        .where('model', '=', this.model)
        .where('id', '=', this.#rowId(id))
        .execute();
    }

    async revokeByGrantId(grantId: string): Promise<void> {
      await db.deleteFrom('demo_oidc_models').where('grant_id', '=', grantId).execute();
    }
  };
}

/**
 * Removes what earlier versions stored in the clear: `Client` rows (with their secret) and token
 * rows keyed by the token itself (a SHA-256 hex id is 64 characters; oidc-provider's opaque
 * values are 43). Those grants end; the demo's connections reconnect once.
 */
export async function purgeLegacyDemoSecrets(db: Kysely<Database>): Promise<void> {
  await db.deleteFrom('demo_oidc_models').where('model', '=', 'Client').execute();
  const rows = await db
    .selectFrom('demo_oidc_models')
    .select(['model', 'id'])
    .where('model', 'in', [...TOKEN_MODELS])
    .execute();
  for (const r of rows) {
    if (!/^[0-9a-f]{64}$/.test(r.id)) {
      await db.deleteFrom('demo_oidc_models').where('model', '=', r.model).where('id', '=', r.id).execute();
    }
  }
}
