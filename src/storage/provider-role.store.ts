import { createApplicationRepository } from './applications.repository.ts';
import type { DatabaseHandle } from './database.ts';
import { createOrganizationRepository } from './organizations.repository.ts';
import type { ProviderRoleStore } from './provider-role.ports.ts';
import { createRevokedTokenRepository } from './revoked-tokens.repository.ts';

/** The provider role's repositories over one database (SQLite or PostgreSQL). */
export function createProviderRoleStore(handle: Pick<DatabaseHandle, 'db' | 'readOne'>): ProviderRoleStore {
  return {
    organizations: createOrganizationRepository(handle.db),
    applications: createApplicationRepository(handle.db, handle.readOne),
    revokedTokens: createRevokedTokenRepository(handle.db, handle.readOne),
  };
}
