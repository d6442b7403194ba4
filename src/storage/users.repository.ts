import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import { parsePermissions } from '../console/permissions.ts';
import type { ConsoleUser, UserRepository } from './console.ports.ts';
import type { ConsoleUsersTable, Database } from './schema.ts';

function toUser(row: Selectable<ConsoleUsersTable>): ConsoleUser {
  return {
    id: row.id,
    email: row.email,
    permissions: parsePermissions(row.permissions),
    disabled: Number(row.disabled) === 1,
    createdAt: new Date(Number(row.created_at)),
    updatedAt: new Date(Number(row.updated_at)),
  };
}

/** Console users. Emails are stored lower-cased, so sign-in is case-insensitive on both engines. */
export function createUserRepository(db: Kysely<Database>): UserRepository {
  return {
    async create(input) {
      const now = Date.now();
      const row = {
        id: randomUUID(),
        email: input.email.trim().toLowerCase(),
        password_hash: input.passwordHash,
        permissions: input.permissions.join(' '),
        disabled: 0,
        created_at: now,
        updated_at: now,
      };
      await db.insertInto('console_users').values(row).execute();
      return toUser(row);
    },
    async get(id) {
      const row = await db.selectFrom('console_users').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toUser(row) : undefined;
    },
    async byEmail(email) {
      const row = await db
        .selectFrom('console_users')
        .selectAll()
        .where('email', '=', email.trim().toLowerCase())
        .executeTakeFirst();
      return row ? { user: toUser(row), passwordHash: row.password_hash } : undefined;
    },
    async list() {
      return (await db.selectFrom('console_users').selectAll().orderBy('email').execute()).map(toUser);
    },
    async count() {
      const r = await db
        .selectFrom('console_users')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },
    async update(id, update) {
      const set: Partial<ConsoleUsersTable> = { updated_at: Date.now() };
      if (update.permissions) set.permissions = update.permissions.join(' ');
      if (update.passwordHash) set.password_hash = update.passwordHash;
      if (update.disabled !== undefined) set.disabled = update.disabled ? 1 : 0;
      await db.updateTable('console_users').set(set).where('id', '=', id).execute();
      return this.get(id);
    },
    async delete(id) {
      const r = await db.deleteFrom('console_users').where('id', '=', id).executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    },
  };
}
