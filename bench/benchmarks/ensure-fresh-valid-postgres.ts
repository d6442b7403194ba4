import pg from 'pg';
import { aadFor } from '../../src/secrets/secret-box.ts';
import { type Benchmark, pairedRatio } from '../harness.ts';
import { storeFixture } from './fixture.ts';
import { benchSchema } from './pg-schema.ts';

/**
 * `ensureFresh` on a valid stored token on PostgreSQL versus the floor: the same point read on a
 * bare `pg` client (its own connection, nothing else) plus one AES-256-GCM open, in a loop.
 */
export const ensureFreshValidPostgres: Benchmark = {
  name: 'ensure-fresh-valid-postgres',
  description: 'ensureFresh on a valid token vs pg point read + aes-256-gcm open',
  async run(log) {
    const s = await benchSchema('fresh');
    if (!s) {
      log('  PostgreSQL unreachable: ensure-fresh-valid-postgres skipped');
      return [];
    }
    const f = await storeFixture({ databaseUrl: s.url, schema: s.schema });
    const raw = new pg.Client({ connectionString: s.url, options: `-c search_path=${s.schema}` });
    await raw.connect();
    try {
      const aad = aadFor('connections', 'access_token', f.connectionId);
      const baseline = async () => {
        const r = await raw.query<{ access_token: string }>({
          name: 'bench-point-read',
          text: 'SELECT access_token FROM connections WHERE id = $1',
          values: [f.connectionId],
        });
        return f.box.open(r.rows[0]!.access_token, aad);
      };
      const subject = () => f.client.ensureFresh(f.connectionId);
      const r = await pairedRatio(subject, baseline);
      return [
        {
          name: 'ensure-fresh-valid-postgres',
          value: r.subject,
          unit: 'ops/s',
          baseline: 'pg point read (prepared) + aes-256-gcm open',
          baselineValue: r.baseline,
          ratio: Number(r.ratio.toFixed(3)),
        },
      ];
    } finally {
      await raw.end();
      await f.close();
      await s.drop();
    }
  },
};
