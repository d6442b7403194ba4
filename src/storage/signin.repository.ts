import type { Kysely } from 'kysely';
import { toDate } from './json.ts';
import type { Database } from './schema.ts';

/**
 * The sign-in consumer's tables: (issuer, subject) → local user links, and one-time tickets that
 * carry a finished sign-in from the OAuth callback to the session (only the ticket's hash is kept).
 */
export interface SignInLink {
  issuer: string;
  subject: string;
  userRef: string;
  email: string | undefined;
  createdAt: Date;
  lastSignInAt: Date | undefined;
}

export interface SignInTicket {
  sessionHash: string;
  userRef: string;
  returnTo: string;
  expiresAt: Date;
}

export interface SignInRepository {
  link(issuer: string, subject: string): Promise<SignInLink | undefined>;
  linksOf(userRef: string): Promise<SignInLink[]>;
  createLink(
    input: { issuer: string; subject: string; userRef: string; email: string | undefined },
    now: Date,
  ): Promise<void>;
  touchLink(issuer: string, subject: string, now: Date): Promise<void>;
  deleteLink(issuer: string, subject: string): Promise<boolean>;
  createTicket(ticketHash: string, ticket: SignInTicket, now: Date): Promise<void>;
  /** Deletes and returns the ticket in one statement: a ticket works once. */
  consumeTicket(ticketHash: string): Promise<SignInTicket | undefined>;
  deleteExpiredTickets(now: Date): Promise<number>;
}

export function createSignInRepository(db: Kysely<Database>): SignInRepository {
  const toLink = (r: {
    issuer: string;
    subject: string;
    user_ref: string;
    email: string | null;
    created_at: number;
    last_sign_in_at: number | null;
  }): SignInLink => ({
    issuer: r.issuer,
    subject: r.subject,
    userRef: r.user_ref,
    email: r.email ?? undefined,
    createdAt: new Date(Number(r.created_at)),
    lastSignInAt: toDate(r.last_sign_in_at),
  });
  return {
    async link(issuer, subject) {
      const r = await db
        .selectFrom('signin_links')
        .selectAll()
        .where('issuer', '=', issuer)
        .where('subject', '=', subject)
        .executeTakeFirst();
      return r ? toLink(r) : undefined;
    },
    async linksOf(userRef) {
      const rows = await db.selectFrom('signin_links').selectAll().where('user_ref', '=', userRef).execute();
      return rows.map(toLink);
    },
    async createLink(input, now) {
      await db
        .insertInto('signin_links')
        .values({
          issuer: input.issuer,
          subject: input.subject,
          user_ref: input.userRef,
          email: input.email ?? null,
          created_at: now.getTime(),
          last_sign_in_at: now.getTime(),
        })
        .execute();
    },
    async touchLink(issuer, subject, now) {
      await db
        .updateTable('signin_links')
        .set({ last_sign_in_at: now.getTime() })
        .where('issuer', '=', issuer)
        .where('subject', '=', subject)
        .execute();
    },
    async deleteLink(issuer, subject) {
      const r = await db
        .deleteFrom('signin_links')
        .where('issuer', '=', issuer)
        .where('subject', '=', subject)
        .executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    },
    async createTicket(ticketHash, t, now) {
      await db
        .insertInto('signin_tickets')
        .values({
          ticket_hash: ticketHash,
          session_hash: t.sessionHash,
          user_ref: t.userRef,
          return_to: t.returnTo,
          expires_at: t.expiresAt.getTime(),
          created_at: now.getTime(),
        })
        .execute();
    },
    async consumeTicket(ticketHash) {
      const r = await db
        .deleteFrom('signin_tickets')
        .where('ticket_hash', '=', ticketHash)
        .returningAll()
        .executeTakeFirst();
      return r
        ? {
            sessionHash: r.session_hash,
            userRef: r.user_ref,
            returnTo: r.return_to,
            expiresAt: new Date(Number(r.expires_at)),
          }
        : undefined;
    },
    async deleteExpiredTickets(now) {
      const r = await db
        .deleteFrom('signin_tickets')
        .where('expires_at', '<', now.getTime())
        .executeTakeFirst();
      return Number(r.numDeletedRows);
    },
  };
}
