import SQLite from 'better-sqlite3';
import { aadFor } from '../../src/secrets/secret-box.ts';
import { type Benchmark, pairedRatio } from '../harness.ts';
import { storeFixture } from './fixture.ts';

/**
 * `ensureFresh` on a valid stored token versus the floor: the same SQLite point read (a prepared
 * better-sqlite3 statement on the same file) plus one AES-256-GCM open, in a bare loop.
 */
export const ensureFreshValidSqlite: Benchmark = {
  name: 'ensure-fresh-valid-sqlite',
  description: 'ensureFresh on a valid token vs sqlite point read + aes-256-gcm open',
  async run() {
    const f = await storeFixture();
    const raw = new SQLite(f.handle.file!, { readonly: true });
    const stmt = raw.prepare('SELECT access_token FROM connections WHERE id = ?');
    const aad = aadFor('connections', 'access_token', f.connectionId);
    const baseline = () => {
      const row = stmt.get(f.connectionId) as { access_token: string };
      return f.box.open(row.access_token, aad);
    };
    const subject = () => f.client.ensureFresh(f.connectionId);
    const r = await pairedRatio(subject, baseline);
    raw.close();
    await f.close();
    return [
      {
        name: 'ensure-fresh-valid-sqlite',
        value: r.subject,
        unit: 'ops/s',
        baseline: 'sqlite point read + aes-256-gcm open',
        baselineValue: r.baseline,
        ratio: Number(r.ratio.toFixed(3)),
      },
    ];
  },
};
