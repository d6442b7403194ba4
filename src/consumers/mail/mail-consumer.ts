import { CONNECT_DONE_PATH } from '../../console/consumer.ts';
import type { ConnectionEvent, OAuth2Consumer } from '../../core/consumers.ts';
import { ConsentryError } from '../../domain/errors.ts';
import type { MailboxRepository } from '../../storage/mailboxes.repository.ts';
import type { ConnectionRepository } from '../../storage/ports.ts';
import type { Mailbox } from './mailbox.ts';

/**
 * The mail consumer (seed 004's first consumer, purpose `mail`): one consent with the provider's
 * `mail` preset covers IMAP read and SMTP send. It keeps the connection id against the mailbox
 * account named in the flow's payload and sends the browser to the account page.
 */
export const MAIL_PURPOSE = 'mail';

export function mailAccountPath(accountId: string): string {
  return `/mail/${encodeURIComponent(accountId)}`;
}

export function createMailConsumer(deps: {
  mailboxes: MailboxRepository;
  connections: ConnectionRepository;
  now?: () => Date;
}): OAuth2Consumer {
  const now = deps.now ?? (() => new Date());
  return {
    purpose: MAIL_PURPOSE,
    async onTokenGranted(_token, payload, { connection }) {
      const accountId = typeof payload.accountId === 'string' ? payload.accountId : '';
      const mailbox = accountId ? await deps.mailboxes.get(accountId) : undefined;
      if (!mailbox) throw new ConsentryError('MAIL_ACCOUNT_UNKNOWN', { facts: { account: accountId } });
      if (!connection) throw new ConsentryError('CONSUMER_FAILED', { facts: { purpose: MAIL_PURPOSE } });

      // The XOAUTH2 user must be the mailbox the token was granted for; a consent given with
      // another account would only fail later at the mail server, so refuse it now.
      const signedInAs = connection.account?.includes('@') ? connection.account : undefined;
      if (signedInAs && mailbox.address && signedInAs.toLowerCase() !== mailbox.address.toLowerCase()) {
        throw new ConsentryError('MAIL_ACCOUNT_MISMATCH', {
          detail: `You signed in as ${signedInAs}; this mailbox is ${mailbox.address}.`,
          facts: { account: mailbox.id },
        });
      }
      if (!mailbox.address && signedInAs) {
        await deps.mailboxes.update(mailbox.id, { address: signedInAs }, now());
      }
      const previous = mailbox.connectionRef;
      await deps.mailboxes.setConnection(mailbox.id, connection.id, now());
      // A reconnect is a new connection; the old one (needs_reauth or revoked) is dropped only now
      // that the new one is stored, so a refused reconnect leaves the account as it was.
      if (previous && previous !== connection.id) await deps.connections.delete(previous);
      // A `consentry mailboxes connect` link: whoever opened it may have no console account, so the
      // flow ends on the public "connected — you can close this tab" page.
      if (payload.handoff) return `${CONNECT_DONE_PATH}?oauth=connected`;
      return `${mailAccountPath(mailbox.id)}?oauth=connected`;
    },
    async onConnectionEvent(event: ConnectionEvent) {
      // An application connection (client credentials) serves every mailbox bound to it.
      for (const mailbox of await deps.mailboxes.listByConnection(event.connectionId))
        await noteEvent(mailbox, event);
    },
  };

  async function noteEvent(mailbox: Mailbox, event: ConnectionEvent): Promise<void> {
    if (event.type === 'needs_reauth') {
      await deps.mailboxes.setHealth(
        mailbox.id,
        { healthNote: `Reconnect your mailbox: ${event.reason}` },
        now(),
      );
    } else if (event.type === 'refresh_failed') {
      await deps.mailboxes.setHealth(
        mailbox.id,
        {
          healthNote: `The last token refresh failed (${event.error}); the next attempt is at ${event.nextAttemptAt.toISOString()}.`,
        },
        now(),
      );
    } else if (event.type === 'refreshed' || event.type === 'reconnected') {
      await deps.mailboxes.setHealth(mailbox.id, { healthNote: null }, now());
    } else {
      // The refresh token reaches its documented lifetime (scale-out's `lapsing` event).
      const lapsing = (event as { refreshExpiresAt?: unknown }).refreshExpiresAt;
      if (lapsing instanceof Date) {
        await deps.mailboxes.setHealth(
          mailbox.id,
          {
            healthNote: `Reconnect your mailbox before ${lapsing.toISOString()}: its authorization lapses then.`,
          },
          now(),
        );
      }
    }
  }
}
