import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandoffRepository } from '../../src/storage/console-handoffs.repository.ts';
import { type Dialect, dialects, type OpenedStore } from './dialects.ts';

/**
 * Migration 0011 (issue 12) on SQLite and PostgreSQL: the client's private_key_jwt key and the
 * connection's DPoP key sealed (bound to their row), the connection's token host kept and left
 * alone by a refresh, and a hand-off link's failure recorded once.
 */
const ENGINES: Dialect[] = await dialects('interop');

for (const engine of ENGINES) {
  describe.skipIf(!engine.available)(`interop columns on ${engine.name}`, () => {
    let s: OpenedStore;
    beforeAll(async () => {
      s = await engine.open();
    });
    afterAll(async () => s?.close());

    it('oauth_clients.client_key: sealed, opened only by keyOf, replaced on update', async () => {
      const key = JSON.stringify({ kty: 'RSA', d: 'PRIVATE-SENTINEL-1', n: 'n', e: 'AQAB' });
      const c = await s.store.clients.create({
        providerKey: 'oidc',
        name: 'K',
        clientId: 'k',
        clientKey: key,
      });
      expect(c).toMatchObject({ hasClientKey: true, hasClientSecret: false });
      const raw = await s.handle.db
        .selectFrom('oauth_clients')
        .select('client_key')
        .where('id', '=', c.id)
        .executeTakeFirstOrThrow();
      expect(raw.client_key).toMatch(/^v1\./);
      expect(raw.client_key).not.toContain('PRIVATE-SENTINEL');
      expect(await s.store.clients.keyOf(c.id)).toBe(key);
      await s.store.clients.update(c.id, { name: 'K2' });
      expect(await s.store.clients.keyOf(c.id)).toBe(key);
      await s.store.clients.update(c.id, { clientKey: '{"d":"PRIVATE-SENTINEL-2"}' });
      expect(await s.store.clients.keyOf(c.id)).toBe('{"d":"PRIVATE-SENTINEL-2"}');
      const plain = await s.store.clients.create({ providerKey: 'oidc', name: 'P', clientId: 'p' });
      expect(plain.hasClientKey).toBe(false);
      expect(await s.store.clients.keyOf(plain.id)).toBeUndefined();
    });

    it('connections: token host kept, DPoP key sealed; a refresh leaves both, a reconnect may clear them', async () => {
      const client = await s.store.clients.create({ providerKey: 'zoho', name: 'Z', clientId: 'z' });
      const dpop = JSON.stringify({
        kty: 'EC',
        d: 'DPOP-SENTINEL',
        crv: 'P-256',
        x: 'x',
        y: 'y',
        alg: 'ES256',
      });
      const now = new Date();
      const c = await s.store.connections.insert(
        {
          clientRef: client.id,
          providerKey: 'zoho',
          purpose: 'crm',
          payload: {},
          account: undefined,
          subject: undefined,
          issuer: undefined,
          accessToken: 'at',
          refreshToken: 'rt',
          tokenType: 'dpop',
          scopes: [],
          expiresAt: undefined,
          tokenHost: 'https://accounts.zoho.eu',
          dpopKey: dpop,
        },
        now,
      );
      expect(c).toMatchObject({ tokenHost: 'https://accounts.zoho.eu', dpopBound: true });
      const raw = await s.handle.db
        .selectFrom('connections')
        .select('dpop_key')
        .where('id', '=', c.id)
        .executeTakeFirstOrThrow();
      expect(raw.dpop_key).toMatch(/^v1\./);
      expect(raw.dpop_key).not.toContain('DPOP-SENTINEL');
      expect(await s.store.connections.dpopKeyOf(c.id)).toBe(dpop);

      expect(await s.store.connections.tryAcquireLease(c.id, 'me', new Date(Date.now() + 60_000), now)).toBe(
        true,
      );
      expect(
        await s.store.connections.commitRefresh(
          c.id,
          { version: c.version, owner: 'me' },
          { accessToken: 'at2', tokenType: 'dpop', scopes: [], expiresAt: undefined },
          now,
        ),
      ).toMatchObject({ version: c.version + 1, accessToken: 'at2' });
      expect(await s.store.connections.get(c.id)).toMatchObject({
        tokenHost: 'https://accounts.zoho.eu',
        dpopBound: true,
      });
      expect(await s.store.connections.dpopKeyOf(c.id)).toBe(dpop);

      await s.store.connections.replaceTokens(
        c.id,
        {
          accessToken: 'at3',
          tokenType: 'bearer',
          scopes: [],
          expiresAt: undefined,
          tokenHost: null,
          dpopKey: null,
        },
        now,
      );
      expect(await s.store.connections.get(c.id)).toMatchObject({ tokenHost: undefined, dpopBound: false });
      expect(await s.store.connections.dpopKeyOf(c.id)).toBeUndefined();
    });

    it('console_handoffs: the first failure of a link is kept', async () => {
      const handoffs = createHandoffRepository(s.handle.db);
      const client = await s.store.clients.create({ providerKey: 'demo', name: 'H', clientId: 'h' });
      await handoffs.create(
        {
          id: 'h-1',
          tokenHash: 'hash-1',
          clientRef: client.id,
          scopes: undefined,
          preset: undefined,
          expiresAt: new Date(Date.now() + 60_000),
        },
        new Date(),
      );
      expect((await handoffs.get('h-1'))?.failure).toBeUndefined();
      await handoffs.fail('h-1', { code: 'FLOW_CANCELLED', message: 'cancelled' });
      await handoffs.fail('h-1', { code: 'INTERNAL', message: 'later' });
      expect((await handoffs.get('h-1'))?.failure).toEqual({ code: 'FLOW_CANCELLED', message: 'cancelled' });
    });
  });
}
