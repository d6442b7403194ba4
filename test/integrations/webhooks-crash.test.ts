import { fork } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPERATOR } from '../../src/console/actor.ts';
import { type ScaleEnv, startScaleEnv } from '../scale/fixture.ts';
import { type Receiver, startReceiver } from './receiver.ts';

/**
 * A kill -9 between an event and its delivery: a worker process records `connection.deleted`
 * in the outbox, claims it and dies (SIGKILL) as the request would leave. Nothing reached the
 * receiver; the row is pending under the dead process's lease. After a restart (a new instance on
 * the same database) the lease lapses and the event is delivered — exactly once, signed.
 */
const WORKER = fileURLToPath(new URL('./webhook-crash-worker.ts', import.meta.url));
const LEASE_MS = 6000;

let env: ScaleEnv;
let receiver: Receiver;
const secrets = new Map<string, string>();

beforeAll(async () => {
  env = await startScaleEnv('sqlite');
  receiver = await startReceiver((path) => secrets.get(path));
  secrets.set(
    '/hooks',
    (await env.a.app.integrations.webhooks.create(OPERATOR, { url: receiver.url })).secret,
  );
}, 120_000);

afterAll(async () => {
  await env?.close();
  await receiver?.close();
});

describe('webhook outbox survives kill -9', () => {
  it('delivers the event once after the worker died between recording and sending', async () => {
    const [connectionId] = await env.mint(1);
    const child = fork(WORKER, [], {
      execArgv: ['--import', 'tsx'],
      env: {
        ...process.env,
        WEBHOOK_CRASH_SPEC: JSON.stringify({
          spec: env.spec,
          connectionId,
          receiverUrl: receiver.url,
          leaseMs: LEASE_MS,
        }),
      },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const messages: string[] = [];
    child.on('message', (m: { type: string }) => messages.push(m.type));
    const exit = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.on('exit', (code, signal) => resolve({ code, signal })),
    );
    expect(exit.signal).toBe('SIGKILL');
    expect(messages).toEqual(['recorded', 'dying']);
    expect(receiver.received).toHaveLength(0);
    const rows = await env.a.app.database.db.selectFrom('webhook_deliveries').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: 'pending', attempts: 1, event_type: 'connection.deleted' });
    expect(rows[0]!.lease_owner).not.toBeNull();

    // Restart: a new instance on the same database delivers once the dead lease lapses.
    const restarted = await env.startInstance({ webhooks: { leaseMs: 30_000, pollMs: 200 } });
    restarted.app.integrations.dispatcher.start();
    await receiver.waitFor(1, 60_000);
    await sleep(1500);
    expect(receiver.received).toHaveLength(1);
    expect(receiver.received[0]).toMatchObject({ type: 'connection.deleted', verified: true, attempt: 2 });
    expect(receiver.received[0]!.body.data.connection_id).toBe(connectionId);
    let row = (await env.a.app.database.db.selectFrom('webhook_deliveries').selectAll().execute())[0]!;
    for (let i = 0; i < 50 && row.status !== 'delivered'; i++) {
      await sleep(100);
      row = (await env.a.app.database.db.selectFrom('webhook_deliveries').selectAll().execute())[0]!;
    }
    expect(row).toMatchObject({ status: 'delivered', attempts: 2, lease_owner: null });
  }, 180_000);
});
