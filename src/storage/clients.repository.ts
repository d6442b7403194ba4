import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable, Updateable } from 'kysely';
import type { RegisteredClient } from '../domain/connection.ts';
import { aadFor, type SecretBox } from '../secrets/secret-box.ts';
import { parseJson, toDate } from './json.ts';
import type { ClientRepository, ClientUpdate, NewClient } from './ports.ts';
import type { Database, OAuthClientsTable } from './schema.ts';

const secretAad = (id: string) => aadFor('oauth_clients', 'client_secret', id);
const keyAad = (id: string) => aadFor('oauth_clients', 'client_key', id);

function toClient(
  row: Omit<
    Selectable<OAuthClientsTable>,
    'refused_at' | 'refusal' | 'paused_until' | 'pause' | 'client_key'
  > &
    Partial<Pick<Selectable<OAuthClientsTable>, 'refused_at' | 'refusal' | 'paused_until' | 'pause'>> & {
      client_key?: string | null;
    },
): RegisteredClient {
  return {
    id: row.id,
    providerKey: row.provider_key,
    name: row.name,
    clientId: row.client_id,
    hasClientSecret: row.client_secret !== null,
    hasClientKey: row.client_key != null,
    templateValues: parseJson(row.template_values, {}),
    options: parseJson(row.options, {}),
    refusal:
      row.refused_at !== null && row.refused_at !== undefined ? parseJson(row.refusal, undefined) : undefined,
    pausedUntil: toDate(row.paused_until),
    pause:
      row.paused_until !== null && row.paused_until !== undefined
        ? parseJson(row.pause, undefined)
        : undefined,
    createdAt: new Date(Number(row.created_at)),
    updatedAt: new Date(Number(row.updated_at)),
  };
}

export function createClientRepository(db: Kysely<Database>, box: SecretBox): ClientRepository {
  return {
    async create(input: NewClient) {
      const id = randomUUID();
      const now = Date.now();
      const row = {
        id,
        provider_key: input.providerKey,
        name: input.name,
        client_id: input.clientId,
        client_secret: input.clientSecret ? box.seal(input.clientSecret, secretAad(id)) : null,
        template_values: JSON.stringify(input.templateValues ?? {}),
        options: JSON.stringify(input.options ?? {}),
        client_key: input.clientKey ? box.seal(input.clientKey, keyAad(id)) : null,
        created_at: now,
        updated_at: now,
      };
      await db.insertInto('oauth_clients').values(row).execute();
      return toClient(row);
    },
    async get(id) {
      const row = await db.selectFrom('oauth_clients').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toClient(row) : undefined;
    },
    async list(filter = {}) {
      let q = db.selectFrom('oauth_clients').selectAll().orderBy('created_at').orderBy('id');
      if (filter.providerKey) q = q.where('provider_key', '=', filter.providerKey);
      return (await q.execute()).map(toClient);
    },
    async secretOf(id) {
      const row = await db
        .selectFrom('oauth_clients')
        .select('client_secret')
        .where('id', '=', id)
        .executeTakeFirst();
      return row?.client_secret ? box.open(row.client_secret, secretAad(id)) : undefined;
    },
    async keyOf(id) {
      const row = await db
        .selectFrom('oauth_clients')
        .select('client_key')
        .where('id', '=', id)
        .executeTakeFirst();
      return row?.client_key ? box.open(row.client_key, keyAad(id)) : undefined;
    },
    async update(id, update: ClientUpdate) {
      const set: Updateable<OAuthClientsTable> = { updated_at: Date.now() };
      if (update.name !== undefined) set.name = update.name;
      if (update.clientId !== undefined) set.client_id = update.clientId;
      if (update.clientSecret !== undefined) set.client_secret = box.seal(update.clientSecret, secretAad(id));
      if (update.clientKey !== undefined) set.client_key = box.seal(update.clientKey, keyAad(id));
      if (update.templateValues !== undefined) set.template_values = JSON.stringify(update.templateValues);
      if (update.options !== undefined) set.options = JSON.stringify(update.options);
      // An administrator's edit is what a `client_invalid` flag waits for: its connections resume.
      if (
        update.clientId !== undefined ||
        update.clientSecret !== undefined ||
        update.templateValues !== undefined
      ) {
        set.refused_at = null;
        set.refusal = null;
      }
      await db.updateTable('oauth_clients').set(set).where('id', '=', id).execute();
      return this.get(id);
    },
    async flagRefused(id, state, now) {
      const r = await db
        .updateTable('oauth_clients')
        .set({ refused_at: now.getTime(), refusal: JSON.stringify(state) })
        .where('id', '=', id)
        .where('refused_at', 'is', null)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    async pauseUntil(id, until, state) {
      // Only ever lengthens a pause: two instances hit by one 429 agree on the later end.
      const r = await db
        .updateTable('oauth_clients')
        .set({ paused_until: until.getTime(), pause: JSON.stringify(state) })
        .where('id', '=', id)
        .where((eb) => eb.or([eb('paused_until', 'is', null), eb('paused_until', '<', until.getTime())]))
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    async delete(id) {
      const r = await db.deleteFrom('oauth_clients').where('id', '=', id).executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    },
  };
}
