import { AuditTrail } from '../../src/core/audit-trail.ts';
import { createAuditRepository } from '../../src/storage/audit/audit.repository.ts';
import { openDatabase } from '../../src/storage/database.ts';

/**
 * One "instance" for the audit-chain test on SQLite: its own process and database handle (two
 * handles in one process would block each other's event loop inside better-sqlite3's busy wait,
 * which real instances never do). Appends `count` rows as fast as it can, then exits.
 * Usage: node --import tsx audit-append.worker.ts <sqlite file> <count> <label>
 */
const [file, count, label] = process.argv.slice(2) as [string, string, string];
const handle = openDatabase({ sqliteFile: file });
let failed = 0;
const trail = new AuditTrail({ repository: createAuditRepository(handle.db), onError: () => failed++ });
for (let i = 0; i < Number(count); i++)
  await trail.record({
    action: 'user.create',
    actor: { kind: 'system', label },
    target: { type: 'console_user', id: `${label}-${i}` },
    details: { n: i },
  });
await handle.close();
process.exit(failed ? 1 : 0);
