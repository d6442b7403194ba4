import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './0001-client-core.ts';

/**
 * Every migration, in order. Static imports (not a folder scan) so the list is the same under tsx,
 * vitest and a bundler. Add new ones at the end; never edit a released one.
 */
export const migrations: Record<string, Migration> = {
  '0001-client-core': m0001,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
