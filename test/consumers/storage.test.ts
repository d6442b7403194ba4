import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, migrateToLatest, openDatabase } from '../../src/storage/database.ts';
import { createMailboxRepository } from '../../src/storage/mailboxes.repository.ts';
import { createSignInRepository } from '../../src/storage/signin.repository.ts';
import { createTestSchema, postgresAvailable, type TestSchema } from '../support/postgres.ts';

/** The consumers' tables (migration 0004) and repositories, on SQLite and on PostgreSQL. */
const pgUp = await postgresAvailable();

describe.each([
  ['sqlite', true],
  ['postgres', pgUp],
] as const)('consumer storage on %s', (dialect, available) => {
  let handle: DatabaseHandle;
  let dir: string | undefined;
  let schema: TestSchema | undefined;

  beforeAll(async () => {
    if (!available) return;
    if (dialect === 'sqlite') {
      dir = mkdtempSync(join(tmpdir(), 'consentry-consumers-db-'));
      handle = openDatabase({ sqliteFile: join(dir, 'db.sqlite') });
    } else {
      schema = await createTestSchema('consumers');
      handle = openDatabase({ databaseUrl: schema.url, sqliteFile: '', schema: schema.schema });
    }
    await migrateToLatest(handle.db);
  });
  afterAll(async () => {
    await handle?.close();
    await schema?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it.skipIf(!available)('keeps mailbox accounts with their servers, connection and health', async () => {
    const repo = createMailboxRepository(handle.db);
    const t = new Date('2026-01-01T00:00:00Z');
    const m = await repo.create(
      {
        clientRef: 'client-1',
        address: 'ann@example.org',
        displayName: 'Ann',
        imap: { host: 'imap.gmail.com', port: 993, security: 'tls' },
        smtp: { host: 'smtp.gmail.com', port: 587, security: 'starttls' },
      },
      t,
    );
    expect(await repo.get(m.id)).toEqual(m);
    expect(m).toMatchObject({
      connectionRef: undefined,
      createdAt: t,
      smtp: { port: 587, security: 'starttls' },
    });
    await repo.setConnection(m.id, 'conn-1', t);
    await repo.setHealth(m.id, { healthNote: 'Reconnect your mailbox: x', lastError: 'boom' }, t);
    expect(await repo.byConnection('conn-1')).toMatchObject({
      id: m.id,
      healthNote: 'Reconnect your mailbox: x',
      lastError: 'boom',
    });
    await repo.markUsed(m.id, new Date(t.getTime() + 1000));
    expect(await repo.get(m.id)).toMatchObject({
      lastError: undefined,
      lastUsedAt: new Date(t.getTime() + 1000),
    });
    // A new connection clears what was said about the old one.
    await repo.setConnection(m.id, 'conn-2', t);
    expect(await repo.get(m.id)).toMatchObject({ connectionRef: 'conn-2', healthNote: undefined });
    await repo.update(m.id, { address: 'ann@example.com' }, t);
    expect((await repo.list()).map((x) => x.address)).toEqual(['ann@example.com']);
    expect(await repo.delete(m.id)).toBe(true);
    expect(await repo.get(m.id)).toBeUndefined();
  });

  it.skipIf(!available)('keeps each mailbox’s owner and pending connect link (0007)', async () => {
    const repo = createMailboxRepository(handle.db);
    const t = new Date('2026-01-02T00:00:00Z');
    const server = { host: '127.0.0.1', port: 2525, security: 'none' } as const;
    const base = { clientRef: 'client-1', imap: server, smtp: server };
    const a = await repo.create({ ...base, address: 'a@example.org', ownerRef: 'user-a' }, t);
    const b = await repo.create({ ...base, address: 'b@example.org', ownerRef: 'user-b' }, t);
    const none = await repo.create({ ...base, address: 'c@example.org' }, t);
    expect(a.ownerRef).toBe('user-a');
    expect(none.ownerRef).toBeUndefined();
    expect((await repo.list({ ownerRef: 'user-b' })).map((x) => x.id)).toEqual([b.id]);
    expect(await repo.list({ ownerRef: 'nobody' })).toEqual([]);
    expect(await repo.list()).toHaveLength(3);
    await repo.setHandoff(b.id, 'handoff-1', t);
    expect((await repo.byHandoff('handoff-1'))?.id).toBe(b.id);
    await repo.setHandoff(b.id, undefined, t);
    expect(await repo.byHandoff('handoff-1')).toBeUndefined();
    for (const m of [a, b, none]) await repo.delete(m.id);
  });

  it.skipIf(!available)(
    'links (issuer, subject) once, and a ticket works exactly once even when raced',
    async () => {
      const repo = createSignInRepository(handle.db);
      const t = new Date();
      await repo.createLink(
        { issuer: 'https://id.example', subject: 's1', userRef: 'u1', email: 'a@b.c' },
        t,
      );
      await expect(
        repo.createLink({ issuer: 'https://id.example', subject: 's1', userRef: 'u2', email: undefined }, t),
      ).rejects.toThrow();
      expect(await repo.link('https://id.example', 's1')).toMatchObject({ userRef: 'u1', email: 'a@b.c' });
      expect(await repo.linksOf('u1')).toHaveLength(1);

      const ticket = {
        sessionHash: 'h',
        userRef: 'u1',
        returnTo: '/',
        expiresAt: new Date(t.getTime() + 60_000),
      };
      await repo.createTicket('ticket-hash', ticket, t);
      const raced = await Promise.all([repo.consumeTicket('ticket-hash'), repo.consumeTicket('ticket-hash')]);
      expect(raced.filter(Boolean)).toEqual([ticket]);
      await repo.createTicket('old', { ...ticket, expiresAt: new Date(t.getTime() - 1) }, t);
      expect(await repo.deleteExpiredTickets(t)).toBe(1);
      expect(await repo.deleteLink('https://id.example', 's1')).toBe(true);
    },
  );
});
