import { createApplicationRepository } from './applications.repository.ts';
import { createAuthFailureRepository } from './auth-failures.repository.ts';
import { createAuthorizationRepository } from './authorizations.repository.ts';
import type { DatabaseHandle } from './database.ts';
import { createOrganizationRepository } from './organizations.repository.ts';
import type { ProviderRoleStore } from './provider-role.ports.ts';
import { createRevokedTokenRepository } from './revoked-tokens.repository.ts';
import { createUserRepository } from './users.repository.ts';

/**
 * The provider role's repositories over one database (SQLite or PostgreSQL). The cached-statement
 * point read is used on SQLite only: its SQL here is written with `?` placeholders and read
 * synchronously; on PostgreSQL the Kysely queries are already one round trip.
 */
export function createProviderRoleStore(
  handle: Pick<DatabaseHandle, 'db' | 'readOne' | 'dialect'>,
): ProviderRoleStore {
  const readOne = handle.dialect === 'sqlite' ? handle.readOne : undefined;
  return {
    organizations: createOrganizationRepository(handle.db),
    applications: createApplicationRepository(handle.db, readOne),
    revokedTokens: createRevokedTokenRepository(handle.db, readOne),
    authFailures: createAuthFailureRepository(handle.db),
    authorizations: createAuthorizationRepository(handle.db),
    users: createUserRepository(handle.db),
  };
}
