import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackgroundRefresher } from '../../src/core/background-refresher.ts';
import { SecretBox } from '../../src/secrets/secret-box.ts';
import { startConsentry, type TestConsentry } from '../support/consentry.ts';
import {
  createTestSchema,
  postgresAvailable,
  TEST_DATABASE_URL,
  type TestSchema,
} from '../support/postgres.ts';
import { type StandIn, startStandIn } from '../support/stand-in.ts';

/**
 * Issue 11 on several instances: two Consentry instances on one PostgreSQL schema. A 429 with
 * Retry-After answered to one instance pauses that provider's registered client on the other —
 * no token request from either until the pause ends — and neither background sweep selects it.
 */
const pgUp = await postgresAvailable();

describe.skipIf(!pgUp)('two instances on PostgreSQL', () => {
  let schema: TestSchema;
  let standIn: StandIn;
  let a: TestConsentry;
  let b: TestConsentry;
  let clientRef: string;
  const ids: string[] = [];

  beforeAll(async () => {
    schema = await createTestSchema('health_instances');
    standIn = await startStandIn();
    const env = {
      DATABASE_URL: TEST_DATABASE_URL,
      SECRET_BOX_KEY: SecretBox.generateKey().toString('base64'),
      DEMO_PROVIDER: 'false',
      BACKGROUND_REFRESH: 'false',
    };
    const providers = [
      {
        key: 'stand',
        displayName: 'Stand-in',
        protocol: 'oauth2' as const,
        endpoints: { authorization: `${standIn.url}/authorize`, token: `${standIn.url}/token` },
      },
    ];
    a = await startConsentry({ env: { ...env, INSTANCE_ID: 'a' }, schema: schema.schema, providers });
    b = await startConsentry({ env: { ...env, INSTANCE_ID: 'b' }, schema: schema.schema, providers });
    clientRef = (
      await a.app.store.clients.create({
        providerKey: 'stand',
        name: 'Stand',
        clientId: 'cid',
        clientSecret: 'cs',
      })
    ).id;
    for (let i = 0; i < 3; i++) {
      const c = await a.app.store.connections.insert(
        {
          accessToken: `at-${i}`,
          refreshToken: `rt-${i}`,
          tokenType: 'bearer',
          scopes: [],
          expiresAt: new Date(Date.now() - 1000),
          clientRef,
          providerKey: 'stand',
          purpose: 'console',
          payload: {},
          account: undefined,
          subject: undefined,
          issuer: undefined,
        },
        new Date(),
      );
      ids.push(c.id);
    }
  }, 60_000);
  afterAll(async () => {
    await b?.close();
    await a?.close();
    await standIn?.close();
    await schema?.drop();
  });

  it('a 429 on instance A pauses the client on instance B until Retry-After', async () => {
    standIn.answer({ status: 429, body: { error: 'slow_down' }, headers: { 'retry-after': '300' } });
    const before = standIn.requests.length;
    await expect(a.app.client.refresh(ids[0]!)).rejects.toMatchObject({ facts: { cause: 'rate_limited' } });
    expect(standIn.requests.length - before).toBe(1);

    await expect(b.app.client.refresh(ids[1]!)).rejects.toMatchObject({ code: 'PROVIDER_RATE_LIMITED' });
    await expect(b.app.client.ensureFresh(ids[2]!)).rejects.toMatchObject({ code: 'PROVIDER_RATE_LIMITED' });
    expect(standIn.requests.length - before).toBe(1);

    const paused = (await b.app.store.clients.get(clientRef))!;
    expect(paused.pausedUntil!.getTime()).toBeGreaterThan(Date.now() + 250_000);
    expect(paused.pause).toMatchObject({ cause: 'rate_limited', evidence: { status: 429 } });
    const now = new Date();
    expect(await b.app.store.connections.listDue(new Date(now.getTime() + 3600_000), now, 100)).toHaveLength(
      0,
    );
    // B's sweep selects nothing and sends nothing.
    const sweep = await new BackgroundRefresher({
      client: b.app.client,
      connections: b.app.store.connections,
      providerOf: () => undefined,
      emit: () => {},
    }).sweep();
    expect(sweep.due).toBe(0);
    expect(standIn.requests.length - before).toBe(1);
  });
});
