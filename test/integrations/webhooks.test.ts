import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPERATOR } from '../../src/console/actor.ts';
import { type ScaleEnv, startScaleEnv } from '../scale/fixture.ts';
import type { TestConsentry } from '../support/consentry.ts';
import { type Receiver, startReceiver } from './receiver.ts';

/**
 * Signed webhooks from one instance: every connection event of a real lifecycle (created by a
 * real authorization-code flow, refreshed at a real OpenID provider, needs_reauth with its cause,
 * revoked, deleted) reaches a receiver that verifies each signature, once; a receiver that fails
 * first gets the event again after the backoff; the delivery log shows it.
 */
let env: ScaleEnv;
let receiver: Receiver;
const secrets = new Map<string, string>();
let a: TestConsentry;
/** Delivers for everyone (shares the database); fast polling and backoff for the test. */
let b: TestConsentry;

beforeAll(async () => {
  env = await startScaleEnv('sqlite');
  a = env.a;
  receiver = await startReceiver((path) => secrets.get(path));
  const created = await a.app.integrations.webhooks.create(OPERATOR, { url: receiver.url });
  secrets.set('/hooks', created.secret);
  b = await env.startInstance({ webhooks: { pollMs: 100, backoffMs: () => 300, leaseMs: 30_000 } });
  // A second endpoint subscribed to one type only.
  const onlyDeleted = await a.app.integrations.webhooks.create(OPERATOR, {
    url: `${receiver.url}?only=deleted`,
    eventTypes: ['connection.deleted'],
  });
  secrets.set('/hooks?only=deleted', onlyDeleted.secret);
}, 120_000);

afterAll(async () => {
  await env?.close();
  await receiver?.close();
});

describe('webhooks (one instance)', () => {
  it('records every lifecycle event before the call returns, then delivers each once, signed', async () => {
    const [id] = await env.connect(1);
    const outbox = () => a.app.database.db.selectFrom('webhook_deliveries').selectAll().execute();
    // Nothing delivers yet (the dispatcher runs while the server listens): the rows wait.
    expect((await outbox()).map((r) => r.event_type)).toEqual(['connection.created']);

    await env.expire([id!]);
    await a.app.client.ensureFresh(id!);
    await a.app.client.revoke(id!);
    await a.app.client.deleteConnection(id!);
    const rows = await outbox();
    expect(rows.map((r) => r.event_type).sort()).toEqual(
      [
        'connection.created',
        'connection.refreshed',
        'connection.revoked',
        'connection.deleted',
        'connection.deleted',
      ].sort(),
    );

    b.app.integrations.dispatcher.start();
    await receiver.waitFor(5);
    await sleep(500);
    expect(receiver.received).toHaveLength(5);
    expect(receiver.received.every((r) => r.verified)).toBe(true);
    const mine = receiver.received;
    expect(new Set(receiver.received.map((r) => `${r.eventId}`)).size).toBe(4); // deleted twice: two endpoints
    const created = mine.find((r) => r.type === 'connection.created')!;
    expect(created.body).toMatchObject({
      type: 'connection.created',
      data: {
        connection_id: id,
        purpose: 'scale_test',
        connection: { provider: 'remote', status: 'active' },
      },
    });
    const revoked = mine.find((r) => r.type === 'connection.revoked')!;
    expect(revoked.body.data).toMatchObject({ connection_id: id, at_provider: true });
    // No token and no secret in any body.
    for (const r of receiver.received) expect(JSON.stringify(r.body)).not.toMatch(/secret|access_token/i);
    let log = await a.app.integrations.webhooks.deliveries(OPERATOR);
    for (let i = 0; i < 100 && log.some((d) => d.status !== 'delivered'); i++) {
      await sleep(100);
      log = await a.app.integrations.webhooks.deliveries(OPERATOR);
    }
    expect(log.map((d) => d.status)).toEqual(Array(5).fill('delivered'));
  });

  it('needs_reauth carries its cause', async () => {
    const [id] = await env.mint(1);
    // The provider no longer knows this refresh token: invalid_grant.
    await a.app.store.connections.replaceTokens(
      id!,
      {
        accessToken: 'x',
        refreshToken: 'unknown-to-the-provider',
        tokenType: 'Bearer',
        scopes: [],
        expiresAt: new Date(0),
        idTokenClaims: undefined,
        extras: {},
      },
      new Date(),
    );
    await env.expire([id!]);
    await expect(a.app.client.ensureFresh(id!)).rejects.toMatchObject({ code: 'CONNECTION_NEEDS_REAUTH' });
    const before = receiver.received.length;
    await receiver.waitFor(before + 1);
    const event = receiver.received.at(-1)!;
    expect(event.type).toBe('connection.needs_reauth');
    expect(event.verified).toBe(true);
    expect(event.body.data.reason).toMatch(/invalid_grant/);
    expect(event.body.data.connection).toMatchObject({ status: 'needs_reauth' });
  });

  it('retries a receiver that fails, with backoff, and the log shows the attempts', async () => {
    receiver.failFirst.push(500, 503);
    const before = receiver.received.length;
    const [id] = await env.mint(1);
    await a.app.client.deleteConnection(id!); // two endpoints subscribe to deleted
    await receiver.waitFor(before + 2, 120_000);
    // The receiver has answered; the dispatcher writes the outcome just after.
    let log = await a.app.integrations.webhooks.deliveries(OPERATOR, { limit: 2 });
    for (let i = 0; i < 100 && log.some((d) => d.status !== 'delivered'); i++) {
      await sleep(100);
      log = await a.app.integrations.webhooks.deliveries(OPERATOR, { limit: 2 });
    }
    expect(log.map((d) => d.status)).toEqual(['delivered', 'delivered']);
    expect(log.reduce((n, d) => n + d.attempts, 0)).toBe(4);
    expect(receiver.received.slice(before).every((r) => r.verified)).toBe(true);
  });
});
