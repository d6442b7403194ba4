import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './0001-client-core.ts';
import * as m0002 from './0002-provider-role.ts';
import * as m0003 from './0003-refresh-lapse.ts';
import * as m0004 from './0004-consumers.ts';
import * as m0005 from './0005-console.ts';
import * as m0006 from './0006-auth-failures.ts';
import * as m0007 from './0007-mailbox-owner.ts';
import * as m0009 from './0009-key-ring-and-audit.ts';
import * as m0010 from './0010-connection-health.ts';
import * as m0011 from './0011-interop.ts';
import * as m0013 from './0013-authorization-code.ts';
import * as m0016 from './0016-api-webhooks.ts';
import * as m0017 from './0017-connection-grants.ts';
import * as m0019 from './0019-refresh-token-chains.ts';

/**
 * Every migration, in order. Static imports (not a folder scan) so the list is the same under tsx,
 * vitest and a bundler. Add new ones at the end; never edit a released one.
 */
export const migrations: Record<string, Migration> = {
  '0001-client-core': m0001,
  '0002-provider-role': m0002,
  '0003-refresh-lapse': m0003,
  '0004-consumers': m0004,
  '0005-console': m0005,
  '0006-auth-failures': m0006,
  '0007-mailbox-owner': m0007,
  '0009-key-ring-and-audit': m0009,
  '0010-connection-health': m0010,
  '0011-interop': m0011,
  '0013-authorization-code': m0013,
  '0016-api-webhooks': m0016,
  '0017-connection-grants': m0017,
  '0019-refresh-token-chains': m0019,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
