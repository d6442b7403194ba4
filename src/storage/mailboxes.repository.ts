import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { Mailbox, MailSecurity, MailServer } from '../consumers/mail/mailbox.ts';
import { toDate } from './json.ts';
import type { Database, MailboxesTable } from './schema.ts';

/** Mail accounts of the mail consumer. Plain functions over Kysely; nothing here is secret. */
export interface NewMailbox {
  clientRef: string;
  address: string;
  displayName?: string | undefined;
  imap: MailServer;
  smtp: MailServer;
  /** The console user who added it; absent = administrators only. */
  ownerRef?: string | undefined;
}

export interface MailboxRepository {
  create(input: NewMailbox, now: Date): Promise<Mailbox>;
  get(id: string): Promise<Mailbox | undefined>;
  /** Every mailbox, or those of one owner (`ownerRef`). */
  list(filter?: { ownerRef?: string }): Promise<Mailbox[]>;
  /** The mailbox a pending `mailboxes connect` hand-off link belongs to. */
  byHandoff(handoffId: string): Promise<Mailbox | undefined>;
  setHandoff(id: string, handoffId: string | undefined, now: Date): Promise<void>;
  byConnection(connectionId: string): Promise<Mailbox | undefined>;
  /** Every mailbox using this connection (an application connection serves several mailboxes). */
  listByConnection(connectionId: string): Promise<Mailbox[]>;
  update(
    id: string,
    fields: Partial<Pick<Mailbox, 'address' | 'displayName' | 'imap' | 'smtp'>>,
    now: Date,
  ): Promise<void>;
  setConnection(id: string, connectionRef: string | undefined, now: Date): Promise<void>;
  setHealth(
    id: string,
    health: { healthNote?: string | null; lastError?: string | null },
    now: Date,
  ): Promise<void>;
  markUsed(id: string, now: Date): Promise<void>;
  delete(id: string): Promise<boolean>;
}

function toMailbox(row: Selectable<MailboxesTable>): Mailbox {
  return {
    id: row.id,
    clientRef: row.client_ref,
    address: row.address,
    displayName: row.display_name ?? undefined,
    imap: { host: row.imap_host, port: Number(row.imap_port), security: row.imap_security as MailSecurity },
    smtp: { host: row.smtp_host, port: Number(row.smtp_port), security: row.smtp_security as MailSecurity },
    ownerRef: row.owner_ref ?? undefined,
    connectionRef: row.connection_ref ?? undefined,
    healthNote: row.health_note ?? undefined,
    lastError: row.last_error ?? undefined,
    lastUsedAt: toDate(row.last_used_at),
    createdAt: new Date(Number(row.created_at)),
    updatedAt: new Date(Number(row.updated_at)),
  };
}

export function createMailboxRepository(db: Kysely<Database>): MailboxRepository {
  /** The one mailbox whose `column` holds `value` (id, pending connect link, or connection). */
  const findBy = async (column: 'id' | 'connect_handoff' | 'connection_ref', value: string) => {
    const row = await db.selectFrom('mailboxes').selectAll().where(column, '=', value).executeTakeFirst();
    return row ? toMailbox(row) : undefined;
  };
  const get = (id: string) => findBy('id', id);
  return {
    get,
    async create(input, now) {
      const id = randomUUID();
      await db
        .insertInto('mailboxes')
        .values({
          id,
          client_ref: input.clientRef,
          address: input.address,
          display_name: input.displayName ?? null,
          imap_host: input.imap.host,
          imap_port: input.imap.port,
          imap_security: input.imap.security,
          smtp_host: input.smtp.host,
          smtp_port: input.smtp.port,
          smtp_security: input.smtp.security,
          connection_ref: null,
          health_note: null,
          last_error: null,
          last_used_at: null,
          owner_ref: input.ownerRef ?? null,
          connect_handoff: null,
          created_at: now.getTime(),
          updated_at: now.getTime(),
        })
        .execute();
      return (await get(id))!;
    },
    async list(filter = {}) {
      let q = db.selectFrom('mailboxes').selectAll();
      if (filter.ownerRef !== undefined) q = q.where('owner_ref', '=', filter.ownerRef);
      const rows = await q.orderBy('address').orderBy('id').execute();
      return rows.map(toMailbox);
    },
    byHandoff: (handoffId) => findBy('connect_handoff', handoffId),
    async setHandoff(id, handoffId, now) {
      await db
        .updateTable('mailboxes')
        .set({ connect_handoff: handoffId ?? null, updated_at: now.getTime() })
        .where('id', '=', id)
        .execute();
    },
    byConnection: (connectionId) => findBy('connection_ref', connectionId),
    async listByConnection(connectionId) {
      const rows = await db
        .selectFrom('mailboxes')
        .selectAll()
        .where('connection_ref', '=', connectionId)
        .orderBy('address')
        .execute();
      return rows.map(toMailbox);
    },
    async update(id, fields, now) {
      await db
        .updateTable('mailboxes')
        .set({
          ...(fields.address !== undefined ? { address: fields.address } : {}),
          ...(fields.displayName !== undefined ? { display_name: fields.displayName } : {}),
          ...(fields.imap
            ? {
                imap_host: fields.imap.host,
                imap_port: fields.imap.port,
                imap_security: fields.imap.security,
              }
            : {}),
          ...(fields.smtp
            ? {
                smtp_host: fields.smtp.host,
                smtp_port: fields.smtp.port,
                smtp_security: fields.smtp.security,
              }
            : {}),
          updated_at: now.getTime(),
        })
        .where('id', '=', id)
        .execute();
    },
    async setConnection(id, connectionRef, now) {
      await db
        .updateTable('mailboxes')
        .set({
          connection_ref: connectionRef ?? null,
          health_note: null,
          last_error: null,
          updated_at: now.getTime(),
        })
        .where('id', '=', id)
        .execute();
    },
    async setHealth(id, health, now) {
      await db
        .updateTable('mailboxes')
        .set({
          ...(health.healthNote !== undefined ? { health_note: health.healthNote } : {}),
          ...(health.lastError !== undefined ? { last_error: health.lastError } : {}),
          updated_at: now.getTime(),
        })
        .where('id', '=', id)
        .execute();
    },
    async markUsed(id, now) {
      await db
        .updateTable('mailboxes')
        .set({ last_used_at: now.getTime(), last_error: null })
        .where('id', '=', id)
        .execute();
    },
    async delete(id) {
      const r = await db.deleteFrom('mailboxes').where('id', '=', id).executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    },
  };
}
