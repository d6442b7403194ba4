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
 * point reads of applications and revoked tokens are used on SQLite only: their SQL is written
 * with `?` placeholders and read synchronously; on PostgreSQL those Kysely queries are already one
 * round trip. The refresh grant's joined read and rotation use both engines' fast paths.
 */
export function createProviderRoleStore(
  handle: Pick<DatabaseHandle, 'db' | 'readOne' | 'dialect'> & Partial<Pick<DatabaseHandle, 'transactSync'>>,
): ProviderRoleStore {
  const readOne = handle.dialect === 'sqlite' ? handle.readOne : undefined;
  return {
    organizations: createOrganizationRepository(handle.db),
    applications: createApplicationRepository(handle.db, readOne),
    revokedTokens: createRevokedTokenRepository(handle.db, readOne),
    authFailures: createAuthFailureRepository(handle.db),
    // Its hot-path SQL is compiled for the dialect (or written per dialect): both engines.
    authorizations: createAuthorizationRepository(handle.db, handle),
    users: createUserRepository(handle.db),
  };
}
