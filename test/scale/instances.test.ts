import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RefreshCoordinator } from '../../src/core/refresh-coordinator.ts';
import type { ConnectionRepository } from '../../src/storage/ports.ts';
import { CookieJar, consentAtProvider } from '../support/browserless.ts';
import type { TestConsentry } from '../support/consentry.ts';
import { enginesToTest, SCALE_PURPOSE, type ScaleEnv, SESSION, startScaleEnv } from './fixture.ts';

/**
 * Several instances on one database: a flow started on instance A completes through instance B's
 * callback (flows live in the shared database); the flow stays single-use across instances; a
 * lease held by a live foreign owner is waited for boundedly, with a backing-off poll.
 */
const ENGINES = await enginesToTest();

for (const { engine, available } of ENGINES) {
  describe.skipIf(!available)(`several instances on ${engine}`, () => {
    let env: ScaleEnv;
    let b: TestConsentry;
    beforeAll(async () => {
      env = await startScaleEnv(engine);
      b = await env.startInstance();
    });
    afterAll(async () => env?.close());

    const begin = async () => {
      const url = await env.a.app.client.beginConsent({
        client: env.clientRef,
        preset: 'login',
        purpose: SCALE_PURPOSE,
        returnUrl: '/x',
        session: SESSION,
      });
      const callback = await consentAtProvider(new CookieJar(), url, {
        stopPrefix: `${env.a.baseUrl}/oauth/callback`,
        login: 'carol',
      });
      return new URL(callback);
    };
    const callbackOn = (instance: TestConsentry, url: URL) =>
      instance.app.server.inject({
        method: 'GET',
        url: url.pathname + url.search,
        headers: { cookie: `consentry_sid=${SESSION}` },
      });

    it('a flow started on instance A completes on instance B, and cannot be replayed on A', async () => {
      const before = (await env.a.app.store.connections.list()).length;
      const callback = await begin();
      const res = await callbackOn(b, callback);
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe('/done');
      const connections = await env.a.app.store.connections.list();
      expect(connections).toHaveLength(before + 1);
      expect(connections[0]).toMatchObject({ status: 'active', subject: 'carol', hasRefreshToken: true });
      // A sees B's connection and can use it.
      await expect(env.a.app.client.refresh(connections[0]!.id)).resolves.toBeDefined();
      const replay = await callbackOn(env.a, callback);
      expect(replay.statusCode).toBe(400);
      expect(env.remote.counts.authorization_code).toBe(1);
    });

    it('the same callback arriving at A and B at once is handled exactly once', async () => {
      const before = (await env.a.app.store.connections.list()).length;
      const codes = env.remote.counts.authorization_code;
      const callback = await begin();
      const results = await Promise.all([callbackOn(env.a, callback), callbackOn(b, callback)]);
      expect(results.map((r) => r.statusCode).sort()).toEqual([303, 400]);
      expect(await env.a.app.store.connections.list()).toHaveLength(before + 1);
      expect(env.remote.counts.authorization_code - codes).toBe(1);
    });

    it('waiting for a live foreign lease is bounded and backs off (no busy loop)', async () => {
      const [id] = await env.mint(1);
      // Another instance holds the lease and stays alive (its heartbeat keeps extending it).
      await env.a.app.database.db
        .updateTable('connections')
        .set({ lease_owner: 'instance-x:live', lease_until: Date.now() + 60_000 })
        .where('id', '=', id!)
        .execute();
      let attempts = 0;
      const repo = env.a.app.store.connections;
      const counting: ConnectionRepository = {
        ...repo,
        tryAcquireLease: (...args) => {
          attempts++;
          return repo.tryAcquireLease(...args);
        },
      };
      const coordinator = new RefreshCoordinator({
        connections: counting,
        refresher: () => Promise.reject(new Error('must not be called')),
        maxWaitMs: 1500,
      });
      const t0 = Date.now();
      await expect(coordinator.refresh(id!, () => false)).rejects.toMatchObject({ code: 'LEASE_TIMEOUT' });
      const waited = Date.now() - t0;
      expect(waited).toBeGreaterThan(1000);
      expect(waited).toBeLessThan(4000);
      // 25 → 50 → 100 → 200 → 250 ms …: about ten attempts in 1.5 s, not thousands.
      expect(attempts).toBeGreaterThan(3);
      expect(attempts).toBeLessThanOrEqual(12);
      // Once that owner is gone (its lease runs out), the connection is not stuck.
      await env.a.app.database.db
        .updateTable('connections')
        .set({ lease_until: Date.now() - 1 })
        .where('id', '=', id!)
        .execute();
      const token = await env.a.app.client.ensureFresh(id!);
      expect(token.accessToken).not.toMatch(/^expired-/);
    });
  });
}
