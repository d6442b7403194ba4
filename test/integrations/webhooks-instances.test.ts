import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { OPERATOR } from '../../src/console/actor.ts';
import { createWebhookRepository } from '../../src/storage/integrations.repository.ts';
import { enginesToTest, type ScaleEnv, startScaleEnv } from '../scale/fixture.ts';
import type { TestConsentry } from '../support/consentry.ts';
import { type Receiver, startReceiver } from './receiver.ts';

/**
 * Two instances on one database (PostgreSQL: FOR UPDATE SKIP LOCKED; SQLite: a conditional
 * UPDATE) both run dispatchers: every event is delivered once, whichever instance recorded it.
 * And the claim itself, raced directly: two instances claiming 200 queued rows never both get one.
 */
const ENGINES = await enginesToTest();
const envs: ScaleEnv[] = [];
const receivers: Receiver[] = [];

afterAll(async () => {
  for (const e of envs) await e.close();
  for (const r of receivers) await r.close();
});

describe.each(ENGINES)('two instances deliver each event once ($engine)', ({ engine, available }) => {
  it.skipIf(!available)(
    'events recorded on both instances arrive once each, signed',
    async () => {
      const env = await startScaleEnv(engine);
      envs.push(env);
      const secrets = new Map<string, string>();
      const receiver = await startReceiver((path) => secrets.get(path));
      receivers.push(receiver);
      secrets.set(
        '/hooks',
        (await env.a.app.integrations.webhooks.create(OPERATOR, { url: receiver.url })).secret,
      );
      const fast = { webhooks: { pollMs: 50, leaseMs: 30_000, backoffMs: () => 200 } };
      const b: TestConsentry = await env.startInstance(fast);
      const c: TestConsentry = await env.startInstance(fast);
      b.app.integrations.dispatcher.start();
      c.app.integrations.dispatcher.start();

      const ids = await env.mint(30);
      await Promise.all(ids.map((id, i) => (i % 2 ? b : c).app.client.deleteConnection(id)));
      await receiver.waitFor(30, 120_000);
      await sleep(1500); // any duplicate would arrive meanwhile
      expect(receiver.received).toHaveLength(30);
      expect(new Set(receiver.received.map((r) => r.eventId)).size).toBe(30);
      expect(new Set(receiver.received.map((r) => r.body.data.connection_id))).toEqual(new Set(ids));
      expect(receiver.received.every((r) => r.verified && r.attempt === 1)).toBe(true);
    },
    240_000,
  );

  it.skipIf(!available)(
    'a raced claim never hands one row to both instances',
    async () => {
      const env = await startScaleEnv(engine);
      envs.push(env);
      const b = await env.startInstance();
      const endpoint = (
        await env.a.app.integrations.webhooks.create(OPERATOR, { url: 'http://127.0.0.1:9/x' })
      ).endpoint;
      const repoA = createWebhookRepository(env.a.app.database.db, env.a.app.box);
      const repoB = createWebhookRepository(b.app.database.db, b.app.box);
      await repoA.enqueue(
        Array.from({ length: 200 }, (_, i) => ({
          id: `wd_${i}`,
          eventId: `evt_${i}`,
          endpointId: endpoint.id,
          eventType: 'connection.deleted',
          body: '{}',
        })),
        new Date(Date.now() - 1000),
      );
      const drain = async (repo: typeof repoA, owner: string) => {
        const got: string[] = [];
        for (;;) {
          const batch = await repo.claim(owner, 7, new Date(Date.now() + 60_000), new Date());
          if (batch.length === 0) return got;
          got.push(...batch.map((d) => d.id));
        }
      };
      const [fromA, fromB, fromA2] = await Promise.all([
        drain(repoA, 'a'),
        drain(repoB, 'b'),
        drain(repoA, 'a2'),
      ]);
      const all = [...fromA!, ...fromB!, ...fromA2!];
      expect(all).toHaveLength(200);
      expect(new Set(all).size).toBe(200);
      expect(fromA!.length + fromA2!.length).toBeGreaterThan(0);
    },
    240_000,
  );
});
