import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { Organization } from '../domain/application.ts';
import type { OrganizationRepository } from './provider-role.ports.ts';
import type { Database, OrganizationsTable } from './schema.ts';

const toOrganization = (row: Selectable<OrganizationsTable>): Organization => ({
  id: row.id,
  name: row.name,
  createdAt: new Date(Number(row.created_at)),
});

export function createOrganizationRepository(db: Kysely<Database>): OrganizationRepository {
  const byName = (name: string) =>
    db.selectFrom('organizations').selectAll().where('name', '=', name).executeTakeFirst();
  return {
    async ensure(name, now) {
      const found = await byName(name);
      if (found) return toOrganization(found);
      // Two admins creating the same organization at once: the unique name decides, both get it.
      await db
        .insertInto('organizations')
        .values({ id: randomUUID(), name, created_at: now.getTime() })
        .onConflict((oc) => oc.column('name').doNothing())
        .execute();
      return toOrganization((await byName(name))!);
    },
    async get(id) {
      const row = await db.selectFrom('organizations').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toOrganization(row) : undefined;
    },
    async list() {
      return (await db.selectFrom('organizations').selectAll().orderBy('name').execute()).map(toOrganization);
    },
  };
}
