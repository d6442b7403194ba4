import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import { closeSync, openSync, writeSync } from 'node:fs';
import { ProviderRegistry } from '../../src/catalog/registry.ts';
import { loadConfig } from '../../src/config/config.ts';
import { ConsumerRegistry } from '../../src/core/consumers.ts';
import { OAuth2Client } from '../../src/core/oauth2-client.ts';
import { isLoopbackUrl } from '../../src/protocol/provider-session.ts';
import { loadKeys } from '../../src/secrets/key-ring.ts';
import { SecretBox } from '../../src/secrets/secret-box.ts';
import { type DatabaseHandle, openDatabase } from '../../src/storage/database.ts';
import { createKyselyStore } from '../../src/storage/kysely-store.ts';
import type { InstanceSpec } from './fixture.ts';

/**
 * One Consentry client instance in its own process (`node --import tsx`, forked with IPC), for
 * the race and crash suites. It joins the shared database like any instance (same env, same
 * schema, same key) and composes the client role as `createConsentry` does — store, SecretBox,
 * provider registry, OAuth2Client with its refresh coordinator — minus the HTTP server, so the
 * crash suite can start 100 of them quickly. It does what the parent says:
 *
 * - `race`: `callers` concurrent `ensureFresh` per connection; answers with the distinct access
 *   tokens (SHA-256 only — no token crosses the pipe) each connection's callers got.
 * - `crash`: `ensureFresh` on the connections; at the `nth` occurrence of `point` the process
 *   SIGKILLs itself — a kill -9 at that exact point of a refresh, other refreshes of this process
 *   being wherever they are at that moment.
 */
export type CrashPoint = 'before_request' | 'after_answer' | 'after_write';

export type ToWorker =
  | {
      type: 'init';
      spec: InstanceSpec;
      leaseMs: number;
      maxLeaseWaitMs: number;
      name: string;
      /** Progress journal (`sent <id>`, `committed <id>`), written synchronously: it survives kill -9. */
      journal?: string;
    }
  | { type: 'race'; ids: string[]; callers: number }
  | { type: 'crash'; ids: string[]; point: CrashPoint; nth: number };

export type FromWorker =
  | { type: 'alive' }
  | { type: 'ready' }
  | { type: 'race-result'; tokens: Record<string, string[]>; served: number; errors: string[] }
  | { type: 'crash-armed' }
  | { type: 'crash-survived'; errors: string[] }
  | { type: 'failed'; error: string };

const send = (m: FromWorker) => process.send?.(m);
const hash = (s: string) => createHash('sha256').update(s).digest('base64url').slice(0, 16);

let crash: { point: CrashPoint; nth: number; seen: number } | undefined;
let journal: number | undefined;
/** Which connection the current async context refreshes (single flight keeps the first caller's). */
const refreshing = new AsyncLocalStorage<string>();
const note = (line: string) => {
  if (journal !== undefined) writeSync(journal, `${line}\n`);
};
function reached(point: CrashPoint): void {
  if (!crash || crash.point !== point) return;
  crash.seen++;
  if (crash.seen === crash.nth) process.kill(process.pid, 'SIGKILL');
}

// "Before the request": the lease is held and the refresh token read, nothing sent yet.
const realFetch = globalThis.fetch;
globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  if (url.endsWith('/token') && String(init?.body ?? '').includes('grant_type=refresh_token')) {
    reached('before_request');
    // From here the provider may rotate the refresh token: the window a death can lose it in.
    note(`sent ${refreshing.getStore()}`);
  }
  return realFetch(input, init);
}) as typeof fetch;

let app: { client: OAuth2Client; database: DatabaseHandle } | undefined;

process.on('message', async (message: ToWorker) => {
  try {
    if (message.type === 'init') {
      const { spec } = message;
      if (message.journal) journal = openSync(message.journal, 'a');
      const config = loadConfig({ ...spec.env, LOG_LEVEL: 'error' });
      const database = openDatabase({
        databaseUrl: config.databaseUrl,
        sqliteFile: config.sqliteFile,
        schema: spec.schema,
      });
      const box = new SecretBox(
        loadKeys({ env: config.secretBoxKey, keyFile: config.secretKeyFile }, { createIfMissing: false }),
      );
      const client = new OAuth2Client({
        store: createKyselyStore(database.db, box, { readOne: database.readOne }),
        providers: new ProviderRegistry([spec.provider]),
        consumers: new ConsumerRegistry([{ purpose: 'scale_test', onTokenGranted: () => '/done' }]),
        redirectUri: config.redirectUri,
        // The global fetch (wrapped above to mark the crash point) stands in for the egress module.
        protocol: {
          allowInsecure: isLoopbackUrl,
          timeoutMs: 10_000,
          fetch: (u, i) => globalThis.fetch(u, i),
        },
        instanceId: message.name,
        leaseMs: message.leaseMs,
        maxLeaseWaitMs: message.maxLeaseWaitMs,
        // "After the answer, before the write": the provider has rotated the refresh token.
        beforeRefreshCommit: () => reached('after_answer'),
      });
      app = { client, database };
      // "After the write": the refreshed event follows the committed write.
      app.client.events.on('connection', (e) => {
        if (e.type !== 'refreshed') return;
        note(`committed ${e.connectionId}`);
        reached('after_write');
      });
      send({ type: 'ready' });
    } else if (message.type === 'race') {
      const client = app!.client;
      const tokens: Record<string, Set<string>> = {};
      const errors: string[] = [];
      let served = 0;
      await Promise.all(
        message.ids.flatMap((id) =>
          Array.from({ length: message.callers }, async () => {
            try {
              const t = await client.ensureFresh(id);
              const seen = tokens[id] ?? new Set<string>();
              seen.add(hash(t.accessToken));
              tokens[id] = seen;
              served++;
            } catch (e) {
              errors.push((e as { code?: string }).code ?? String(e));
            }
          }),
        ),
      );
      send({
        type: 'race-result',
        tokens: Object.fromEntries(Object.entries(tokens).map(([k, v]) => [k, [...v]])),
        served,
        errors: [...new Set(errors)],
      });
    } else if (message.type === 'crash') {
      crash = { point: message.point, nth: message.nth, seen: 0 };
      send({ type: 'crash-armed' });
      const errors: string[] = [];
      await Promise.all(
        message.ids.map((id) =>
          refreshing.run(id, () =>
            app!.client.ensureFresh(id).catch((e) => errors.push((e as { code?: string }).code ?? String(e))),
          ),
        ),
      );
      send({ type: 'crash-survived', errors: [...new Set(errors)] });
    }
  } catch (e) {
    send({ type: 'failed', error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) });
  }
});

send({ type: 'alive' });

process.on('disconnect', () => {
  if (journal !== undefined) closeSync(journal);
  void (app?.database.close() ?? Promise.resolve()).finally(() => process.exit(0));
});
