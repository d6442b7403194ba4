import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from '../../src/domain/connection.ts';
import type { ConnectionSummary, NewConnection, Store } from '../../src/storage/ports.ts';
import { type Dialect, dialects, type OpenedStore } from './dialects.ts';

/**
 * ONE storage suite, run against SQLite and PostgreSQL (issue 5): the same repository code and
 * the same frozen migrations must behave the same on both engines — including under concurrency
 * (PostgreSQL runs these through a pool of 10 real connections).
 */
const ENGINES: Dialect[] = await dialects('store');

const T0 = new Date('2030-01-01T00:00:00Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

function newConnection(clientRef: string, over: Partial<NewConnection> = {}): NewConnection {
  return {
    clientRef,
    providerKey: 'remote',
    purpose: 'mail',
    payload: { mailbox: 7 },
    account: 'alice@example.com',
    subject: 'alice',
    issuer: 'https://op.example',
    accessToken: 'AT-SENTINEL-1',
    refreshToken: 'RT-SENTINEL-1',
    tokenType: 'Bearer',
    scopes: ['openid', 'mail'],
    expiresAt: at(3600_000),
    ...over,
  };
}

for (const engine of ENGINES) {
  describe.skipIf(!engine.available)(`storage on ${engine.name}`, () => {
    let s: OpenedStore;
    let store: Store;
    let clientRef: string;

    beforeAll(async () => {
      s = await engine.open();
      store = s.store;
      clientRef = (
        await store.clients.create({
          providerKey: 'remote',
          name: 'R',
          clientId: 'cid',
          clientSecret: 'CS-SENTINEL',
        })
      ).id;
    });
    afterAll(async () => s?.close());

    it('migrates to the same version on both engines', async () => {
      const names = (
        await sql<{ name: string }>`select name from kysely_migration order by name`.execute(s.handle.db)
      ).rows.map((r) => r.name);
      expect(names).toContain('0001-client-core');
      expect(names).toContain('0003-refresh-lapse');
    });

    it('clients: seals the secret, keeps it when the update leaves it blank, cascades on delete', async () => {
      const c = await store.clients.create({
        providerKey: 'microsoft',
        name: 'M365',
        clientId: 'm-id',
        clientSecret: 'M-SECRET-SENTINEL',
        templateValues: { tenant: 'common' },
      });
      expect(c).toMatchObject({ hasClientSecret: true, templateValues: { tenant: 'common' } });
      const raw = await s.handle.db
        .selectFrom('oauth_clients')
        .select('client_secret')
        .where('id', '=', c.id)
        .executeTakeFirstOrThrow();
      expect(raw.client_secret).toMatch(/^v1\./);
      expect(raw.client_secret).not.toContain('M-SECRET-SENTINEL');
      expect(await store.clients.secretOf(c.id)).toBe('M-SECRET-SENTINEL');
      await store.clients.update(c.id, { name: 'Renamed', clientSecret: undefined });
      expect(await store.clients.secretOf(c.id)).toBe('M-SECRET-SENTINEL');
      expect((await store.clients.list({ providerKey: 'microsoft' })).map((x) => x.name)).toEqual([
        'Renamed',
      ]);
      const conn = await store.connections.insert(newConnection(c.id, { providerKey: 'microsoft' }), T0);
      expect(await store.clients.delete(c.id)).toBe(true);
      expect(await store.connections.get(conn.id)).toBeUndefined();
    });

    it('connections: sealed at rest, opened on read, narrow hot-path read, filters', async () => {
      const c = await store.connections.insert(newConnection(clientRef), T0);
      expect(c).toMatchObject({ status: 'active', version: 1, hasRefreshToken: true, failureCount: 0 });
      const raw = await s.handle.db
        .selectFrom('connections')
        .select(['access_token', 'refresh_token'])
        .where('id', '=', c.id)
        .executeTakeFirstOrThrow();
      expect(raw.access_token).toMatch(/^v1\./);
      expect(`${raw.access_token}${raw.refresh_token}`).not.toMatch(/SENTINEL/);
      expect(await store.connections.refreshTokenOf(c.id)).toBe('RT-SENTINEL-1');
      const usable = await store.connections.getUsable(c.id);
      expect(usable).toMatchObject({
        accessToken: 'AT-SENTINEL-1',
        status: 'active',
        scopes: ['openid', 'mail'],
      });
      expect(usable?.expiresAt?.getTime()).toBe(at(3600_000).getTime());
      expect((await store.connections.list({ purpose: 'mail', clientRef })).map((x) => x.id)).toContain(c.id);
      expect(await store.connections.list({ purpose: 'nothing' })).toEqual([]);
      expect(await store.connections.getUsable('missing')).toBeUndefined();
    });

    it('listSummaries: list’s rows, order and listed fields — no sealed column opened', async () => {
      const purpose = 'summaries';
      const plain = await store.connections.insert(newConnection(clientRef, { purpose }), T0);
      const noRefresh = await store.connections.insert(
        newConnection(clientRef, { purpose, refreshToken: undefined, account: undefined, scopes: [] }),
        at(1_000),
      );
      const refused = await store.connections.insert(newConnection(clientRef, { purpose }), at(1_000));
      await store.connections.markNeedsReauth(refused.id, { version: 1 }, 'invalid_grant', at(2_000), {
        cause: 'refused',
        evidence: {
          provider: 'remote',
          stage: 'refresh',
          error: 'invalid_grant',
          at: at(2_000).toISOString(),
          attempts: 1,
        },
      });
      const fields = (c: Connection | ConnectionSummary) => ({
        id: c.id,
        clientRef: c.clientRef,
        providerKey: c.providerKey,
        purpose: c.purpose,
        payload: c.payload,
        grantType: c.grantType,
        account: c.account,
        scopes: c.scopes,
        status: c.status,
        statusReason: c.statusReason,
        expiresAt: c.expiresAt,
        refreshExpiresAt: c.refreshExpiresAt,
        hasRefreshToken: c.hasRefreshToken,
        lastRefreshAt: c.lastRefreshAt,
        lastError: c.lastError,
        nextAttemptAt: c.nextAttemptAt,
        health: c.health,
        createdAt: c.createdAt,
      });
      for (const filter of [{ purpose }, { purpose, status: 'needs_reauth' as const }, { clientRef }, {}]) {
        const summaries = await store.connections.listSummaries(filter);
        expect(summaries.map(fields)).toEqual((await store.connections.list(filter)).map(fields));
        for (const summary of summaries)
          expect(Object.keys(summary).sort()).toEqual(Object.keys(fields(summary)).sort());
      }
      const [first, second, third] = await store.connections.listSummaries({ purpose });
      expect([first?.id, second?.id, third?.id].sort()).toEqual([noRefresh.id, refused.id, plain.id].sort());
      expect(third?.id).toBe(plain.id); // newest first
      expect(
        (await store.connections.listSummaries({ purpose })).find((c) => c.id === noRefresh.id),
      ).toMatchObject({
        hasRefreshToken: false,
        account: undefined,
        scopes: [],
      });
      // A token that no longer opens (sealed for another row): `list` fails, the summaries do not
      // open it, so they still list the row.
      const rawPlain = await s.handle.db
        .selectFrom('connections')
        .select('access_token')
        .where('id', '=', plain.id)
        .executeTakeFirstOrThrow();
      await s.handle.db
        .updateTable('connections')
        .set({ access_token: rawPlain.access_token })
        .where('id', '=', noRefresh.id)
        .execute();
      await expect(store.connections.list({ purpose })).rejects.toMatchObject({ code: 'SECRET_OPEN_FAILED' });
      expect((await store.connections.listSummaries({ purpose })).map((c) => c.id)).toContain(noRefresh.id);
      for (const c of [plain, noRefresh, refused]) await store.connections.delete(c.id);
    });

    it('a sealed value moved to another row does not open', async () => {
      const a = await store.connections.insert(newConnection(clientRef), T0);
      const b = await store.connections.insert(newConnection(clientRef, { accessToken: 'OTHER' }), T0);
      const rawA = await s.handle.db
        .selectFrom('connections')
        .select('access_token')
        .where('id', '=', a.id)
        .executeTakeFirstOrThrow();
      await s.handle.db
        .updateTable('connections')
        .set({ access_token: rawA.access_token })
        .where('id', '=', b.id)
        .execute();
      await expect(store.connections.get(b.id)).rejects.toMatchObject({ code: 'SECRET_OPEN_FAILED' });
      await store.connections.delete(b.id);
    });

    it('lease: one owner at a time, only the owner releases, an expired lease can be taken over', async () => {
      const c = await store.connections.insert(newConnection(clientRef), T0);
      expect(await store.connections.tryAcquireLease(c.id, 'A', at(30_000), T0)).toBe(true);
      expect(await store.connections.tryAcquireLease(c.id, 'B', at(30_000), at(1_000))).toBe(false);
      await store.connections.releaseLease(c.id, 'B'); // not the owner: no effect
      expect((await store.connections.get(c.id))?.leaseOwner).toBe('A');
      // The holder's heartbeat extends it; nobody else can.
      expect(await store.connections.renewLease(c.id, 'B', at(90_000))).toBe(false);
      expect(await store.connections.renewLease(c.id, 'A', at(20_000))).toBe(true);
      expect((await store.connections.get(c.id))?.leaseUntil?.getTime()).toBe(at(20_000).getTime());
      expect(await store.connections.tryAcquireLease(c.id, 'B', at(60_000), at(20_001))).toBe(true);
      expect(await store.connections.renewLease(c.id, 'A', at(90_000))).toBe(false); // lost it
      await store.connections.releaseLease(c.id, 'B');
      expect(await store.connections.tryAcquireLease(c.id, 'A', at(30_000), T0)).toBe(true);
      // A dies; at its lease's end B takes over — a dead owner never leaves the row stuck.
      expect(await store.connections.tryAcquireLease(c.id, 'B', at(60_000), at(30_001))).toBe(true);
      await store.connections.releaseLease(c.id, 'B');
      const after = (await store.connections.get(c.id))!;
      expect(after.leaseOwner).toBeUndefined();
      expect(after.leaseUntil).toBeUndefined();
    });

    it('lease under concurrency: 40 simultaneous acquirers, exactly one wins', async () => {
      const c = await store.connections.insert(newConnection(clientRef), T0);
      const results = await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          store.connections.tryAcquireLease(c.id, `w${i}`, at(30_000), T0),
        ),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
      const winner = `w${results.indexOf(true)}`;
      expect((await store.connections.get(c.id))?.leaseOwner).toBe(winner);
    });

    it('commits of one turn go out together (group commit, issue 11): each its own outcome, each shape its own columns', async () => {
      const rows = await Promise.all(
        Array.from({ length: 6 }, () => store.connections.insert(newConnection(clientRef), T0)),
      );
      for (const c of rows) await store.connections.tryAcquireLease(c.id, 'G', at(30_000), T0);
      const base = { tokenType: 'Bearer', scopes: ['mail'], expiresAt: at(3600_000) };
      const results = await Promise.all(
        rows.map((c, i) =>
          store.connections.commitRefresh(
            c.id,
            // Row 2 is fenced out by its owner, row 4 by its version.
            { version: i === 4 ? 7 : 1, owner: i === 2 ? 'other' : 'G' },
            // Two shapes: a rotated refresh token on even rows, none on odd rows.
            { ...base, accessToken: `AT-${i}`, ...(i % 2 === 0 ? { refreshToken: `RT-${i}` } : {}) },
            at(10),
          ),
        ),
      );
      expect(results.map((r) => r?.accessToken)).toEqual([
        'AT-0',
        'AT-1',
        undefined,
        'AT-3',
        undefined,
        'AT-5',
      ]);
      for (const [i, c] of rows.entries()) {
        const now = (await store.connections.get(c.id))!;
        const written = i !== 2 && i !== 4;
        expect(now.version, `row ${i}`).toBe(written ? 2 : 1);
        expect(now.leaseOwner, `row ${i}`).toBe(written ? undefined : 'G');
        if (written) expect(results[i]).toEqual(now);
        expect(await store.connections.refreshTokenOf(c.id)).toBe(
          written && i % 2 === 0 ? `RT-${i}` : 'RT-SENTINEL-1',
        );
      }
    });

    it('two commits for one connection in one turn: only the one its fence lets through is told it committed', async () => {
      const [a, b] = await Promise.all([
        store.connections.insert(newConnection(clientRef), T0),
        store.connections.insert(newConnection(clientRef), T0),
      ]);
      for (const c of [a!, b!]) await store.connections.tryAcquireLease(c.id, 'G', at(30_000), T0);
      const token = (accessToken: string) => ({
        accessToken,
        tokenType: 'Bearer',
        scopes: ['mail'],
        expiresAt: at(3600_000),
      });
      const commit = (id: string, owner: string, accessToken: string) =>
        store.connections.commitRefresh(id, { version: 1, owner }, token(accessToken), at(10));
      // One shape, one group: the lease holder's commit, a stale owner's, and the same fence twice.
      const [held, stale, first, second] = await Promise.all([
        commit(a!.id, 'G', 'AT-held'),
        commit(a!.id, 'stale', 'AT-stale'),
        commit(b!.id, 'G', 'AT-first'),
        commit(b!.id, 'G', 'AT-second'),
      ]);
      expect(held?.accessToken).toBe('AT-held');
      expect(stale).toBeUndefined();
      expect((await store.connections.get(a!.id))?.accessToken).toBe('AT-held');
      // The same fence twice: one is stored, and only that one is told so.
      const stored = (await store.connections.get(b!.id))!;
      expect(stored.version).toBe(2);
      expect([first, second].filter((r) => r !== undefined)).toEqual([stored]);
    });

    it('fencing: commitRefresh only for the lease owner at the version it read; one write of both tokens', async () => {
      const c = await store.connections.insert(newConnection(clientRef), T0);
      await store.connections.tryAcquireLease(c.id, 'A', at(30_000), T0);
      const fields = {
        accessToken: 'AT-2',
        refreshToken: 'RT-2',
        tokenType: 'Bearer',
        scopes: ['openid', 'mail'],
        expiresAt: at(7200_000),
      };
      expect(
        await store.connections.commitRefresh(c.id, { version: 1, owner: 'B' }, fields, T0),
      ).toBeUndefined();
      expect(
        await store.connections.commitRefresh(c.id, { version: 2, owner: 'A' }, fields, T0),
      ).toBeUndefined();
      const committed = await store.connections.commitRefresh(
        c.id,
        { version: 1, owner: 'A' },
        fields,
        at(5),
      );
      const after = (await store.connections.get(c.id))!;
      // The row the write returned is the row as stored.
      expect(committed).toEqual(after);
      expect(after).toMatchObject({
        version: 2,
        accessToken: 'AT-2',
        leaseOwner: undefined,
        status: 'active',
      });
      expect(after.lastRefreshAt?.getTime()).toBe(at(5).getTime());
      expect(await store.connections.refreshTokenOf(c.id)).toBe('RT-2');
      // Replayed with the old fence (a stalled worker whose lease lapsed): refused.
      expect(
        await store.connections.commitRefresh(c.id, { version: 1, owner: 'A' }, fields, at(6)),
      ).toBeUndefined();
      // No new refresh token in the answer: the stored one is kept.
      await store.connections.tryAcquireLease(c.id, 'C', at(30_000), T0);
      const keep = { ...fields, accessToken: 'AT-3', refreshToken: undefined };
      expect(
        await store.connections.commitRefresh(c.id, { version: 2, owner: 'C' }, keep, at(7)),
      ).toMatchObject({ version: 3 });
      expect(await store.connections.refreshTokenOf(c.id)).toBe('RT-2');
      expect((await store.connections.getUsable(c.id))?.accessToken).toBe('AT-3');
    });

    it('failures: recorded with a growing count and a next attempt; needs_reauth fenced by version', async () => {
      const c = await store.connections.insert(newConnection(clientRef), T0);
      await store.connections.tryAcquireLease(c.id, 'A', at(30_000), T0);
      await store.connections.recordFailure(
        c.id,
        'A',
        { error: 'PROVIDER_UNAVAILABLE: 503', nextAttemptAt: at(5_000) },
        T0,
      );
      await store.connections.tryAcquireLease(c.id, 'A', at(30_000), at(6_000));
      await store.connections.recordFailure(
        c.id,
        'A',
        { error: 'PROVIDER_UNAVAILABLE: 503', nextAttemptAt: at(20_000) },
        T0,
      );
      const failed = (await store.connections.get(c.id))!;
      expect(failed).toMatchObject({
        failureCount: 2,
        lastError: 'PROVIDER_UNAVAILABLE: 503',
        leaseOwner: undefined,
      });
      expect(failed.nextAttemptAt?.getTime()).toBe(at(20_000).getTime());
      expect(await store.connections.markNeedsReauth(c.id, { version: 5 }, 'stale', T0)).toBe(false);
      expect(await store.connections.markNeedsReauth(c.id, { version: 1 }, 'invalid_grant at T0', T0)).toBe(
        true,
      );
      expect(await store.connections.get(c.id)).toMatchObject({
        status: 'needs_reauth',
        statusReason: 'invalid_grant at T0',
      });
      // A reconnect brings it back.
      await store.connections.replaceTokens(
        c.id,
        { accessToken: 'AT-R', refreshToken: 'RT-R', tokenType: 'Bearer', scopes: [], expiresAt: at(1) },
        T0,
      );
      expect(await store.connections.get(c.id)).toMatchObject({
        status: 'active',
        failureCount: 0,
        version: 2,
      });
    });

    it('listDue: due, not cooling down, not leased, with a refresh token — soonest first, bounded', async () => {
      const fresh = await s.handle.db.deleteFrom('connections').execute();
      expect(fresh).toBeDefined();
      const mk = (expiresIn: number, over: Partial<NewConnection> = {}) =>
        store.connections.insert(newConnection(clientRef, { expiresAt: at(expiresIn), ...over }), T0);
      const dueLate = await mk(200_000);
      const dueSoon = await mk(100_000);
      await mk(900_000); // not due
      await mk(50_000, { refreshToken: undefined }); // nothing to refresh with
      const cooling = await mk(60_000);
      await store.connections.tryAcquireLease(cooling.id, 'x', at(30_000), T0);
      await store.connections.recordFailure(cooling.id, 'x', { error: 'e', nextAttemptAt: at(10_000) }, T0);
      const leased = await mk(70_000);
      await store.connections.tryAcquireLease(leased.id, 'other-instance', at(30_000), T0);
      const reauth = await mk(80_000);
      await store.connections.markNeedsReauth(reauth.id, { version: 1 }, 'r', T0);

      const ids = (await store.connections.listDue(at(300_000), T0, 10)).map((c) => c.id);
      expect(ids).toEqual([dueSoon.id, dueLate.id]);
      expect((await store.connections.listDue(at(300_000), T0, 1)).map((c) => c.id)).toEqual([dueSoon.id]);
      // Later: the cooldown is over and the other instance's lease has lapsed.
      const later = (await store.connections.listDue(at(300_000), at(40_000), 10)).map((c) => c.id);
      expect(later).toEqual([cooling.id, leased.id, dueSoon.id, dueLate.id]);
    });

    it('listDue and listLapsing are served by their index, not a table scan', async () => {
      const plan = (column: 'expires_at' | 'refresh_expires_at') =>
        s.handle.db.connection().execute(async (conn) => {
          const query = `SELECT id FROM connections WHERE status = 'active' AND ${column} < 5 ORDER BY status, ${column} LIMIT 10`;
          if (engine.name === 'sqlite') {
            return JSON.stringify((await sql.raw(`EXPLAIN QUERY PLAN ${query}`).execute(conn)).rows);
          }
          // The table is tiny here: forbid the sequential scan to learn whether an index serves it.
          await sql`SET enable_seqscan = off`.execute(conn);
          const rows = (await sql.raw(`EXPLAIN ${query}`).execute(conn)).rows;
          await sql`RESET enable_seqscan`.execute(conn);
          return JSON.stringify(rows);
        });
      const p1 = await plan('expires_at');
      expect(p1).toMatch(/connections_due/);
      const p2 = await plan('refresh_expires_at');
      expect(p2).toMatch(/connections_lapse/);
    });

    it('listLapsing + markLapseWarned: every instance sweeps, exactly one warns; a new expiry re-arms', async () => {
      await s.handle.db.deleteFrom('connections').execute();
      const lapsing = await store.connections.insert(
        newConnection(clientRef, { refreshExpiresAt: at(3_600_000) }),
        T0,
      );
      await store.connections.insert(newConnection(clientRef, { refreshExpiresAt: at(90 * 86_400_000) }), T0);
      await store.connections.insert(newConnection(clientRef), T0); // no known lifetime
      const found = await store.connections.listLapsing(at(86_400_000), T0, 10);
      expect(found.map((c) => c.id)).toEqual([lapsing.id]);
      const warned = await Promise.all(
        [1, 2, 3].map(() => store.connections.markLapseWarned(lapsing.id, found[0]!.refreshExpiresAt!, T0)),
      );
      expect(warned.filter(Boolean)).toHaveLength(1);
      expect(await store.connections.listLapsing(at(86_400_000), T0, 10)).toEqual([]);
      await store.connections.tryAcquireLease(lapsing.id, 'A', at(30_000), T0);
      await store.connections.commitRefresh(
        lapsing.id,
        { version: 1, owner: 'A' },
        {
          accessToken: 'a',
          refreshToken: 'r',
          tokenType: 'Bearer',
          scopes: [],
          expiresAt: at(1),
          refreshExpiresAt: at(7_200_000),
        },
        T0,
      );
      expect((await store.connections.listLapsing(at(86_400_000), T0, 10)).map((c) => c.id)).toEqual([
        lapsing.id,
      ]);
    });

    it('flows: single use, even under 30 simultaneous callbacks; expired ones are purged', async () => {
      const flow = {
        stateHash: 'h-1',
        sessionHash: 's',
        clientRef,
        purpose: 'mail',
        payload: { a: 1 },
        returnUrl: '/x',
        codeVerifier: 'VERIFIER-SENTINEL',
        nonce: 'n',
        expectedIssuer: 'https://op.example',
        scopes: ['openid'],
        reconnectRef: undefined,
        expiresAt: at(600_000),
      };
      await store.flows.create(flow, T0);
      const raw = await s.handle.db.selectFrom('flows').select('code_verifier').executeTakeFirstOrThrow();
      expect(raw.code_verifier).not.toContain('VERIFIER-SENTINEL');
      const got = await Promise.all(Array.from({ length: 30 }, () => store.flows.consume('h-1')));
      const winners = got.filter((f) => f !== undefined);
      expect(winners).toHaveLength(1);
      expect(winners[0]).toMatchObject({
        codeVerifier: 'VERIFIER-SENTINEL',
        payload: { a: 1 },
        scopes: ['openid'],
      });
      await store.flows.create({ ...flow, stateHash: 'h-old', expiresAt: at(-1) }, T0);
      await store.flows.create({ ...flow, stateHash: 'h-new' }, T0);
      expect(await store.flows.deleteExpired(T0)).toBe(1);
      expect(await store.flows.consume('h-new')).toBeDefined();
    });

    it('the start-up key check counts sealed values and opens one of each', async () => {
      const r = await store.checkSealedValues();
      expect(r.sealedCount).toBeGreaterThan(0);
      expect(r.failure).toBeUndefined();
    });
  });
}
