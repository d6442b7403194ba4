import { createApplicationRepository } from './applications.repository.ts';
import { createAuthFailureRepository } from './auth-failures.repository.ts';
import { createAuthorizationRepository } from './authorizations.repository.ts';
import type { DatabaseHandle } from './database.ts';
import { createOrganizationRepository } from './organizations.repository.ts';
import type { ProviderRoleStore } from './provider-role.ports.ts';
import { createRevokedTokenRepository } from './revoked-tokens.repository.ts';
import { createUserRepository } from './users.repository.ts';

/**
 * The provider role's repositories over one database (SQLite or PostgreSQL). The revoked-token
 * point read uses the cached statement on SQLite only (its SQL is written with `?`); the
 * application's credentials and the refresh grant's joined read and rotation use both engines'
 * fast paths (a cached statement on SQLite, a named prepared statement on PostgreSQL).
 */
export function createProviderRoleStore(
  handle: Pick<DatabaseHandle, 'db' | 'readOne' | 'dialect'> & Partial<Pick<DatabaseHandle, 'transactSync'>>,
): ProviderRoleStore {
  const readOne = handle.dialect === 'sqlite' ? handle.readOne : undefined;
  return {
    organizations: createOrganizationRepository(handle.db),
    // Compiled by Kysely for the dialect: both engines.
    applications: createApplicationRepository(handle.db, handle.readOne),
    revokedTokens: createRevokedTokenRepository(handle.db, readOne),
    authFailures: createAuthFailureRepository(handle.db),
    // Its hot-path SQL is compiled for the dialect (or written per dialect): both engines.
    authorizations: createAuthorizationRepository(handle.db, handle),
    users: createUserRepository(handle.db),
  };
}
