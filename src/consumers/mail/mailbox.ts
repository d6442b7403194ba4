/**
 * A mailbox account: the address, and where its IMAP (read) and SMTP (send) servers are. The
 * OAuth connection that authorizes both is referenced by id; one consent covers both directions.
 */
export type MailSecurity = 'tls' | 'starttls' | 'none';

export interface MailServer {
  host: string;
  port: number;
  /** `tls` = implicit TLS (993, 465); `starttls` = upgrade after connecting (587); `none` = loopback only. */
  security: MailSecurity;
}

export interface Mailbox {
  id: string;
  /** The registered client (provider + client id) the account is connected through. */
  clientRef: string;
  /** The mailbox address: the From of sent mail and the XOAUTH2 user. */
  address: string;
  displayName: string | undefined;
  imap: MailServer;
  smtp: MailServer;
  /**
   * The console user who added it. Console pages show a mailbox to its owner and to
   * administrators (`administer_oauth`) only; absent (older rows, platform or CLI without
   * `--owner`) = administrators only.
   */
  ownerRef: string | undefined;
  connectionRef: string | undefined;
  /** The last connection event worth telling the administrator ("Reconnect your mailbox"). */
  healthNote: string | undefined;
  /** The last failure of a send or an inbox read (codes and server reply lines only, never a token). */
  lastError: string | undefined;
  lastUsedAt: Date | undefined;
  createdAt: Date;
  updatedAt: Date;
}

export const MAIL_SECURITIES: readonly MailSecurity[] = ['tls', 'starttls', 'none'];

/** The connection's health as the account page shows it. */
export type MailboxHealth =
  | { state: 'not_connected'; message: string }
  | { state: 'ok'; message: string; account: string | undefined; expiresAt: Date | undefined }
  | { state: 'error'; message: string; account: string | undefined }
  /** The mail server could not be reached or answered oddly: the OAuth grant is fine, so no reconnect. */
  | { state: 'unreachable'; message: string; account: string | undefined }
  | { state: 'reconnect'; message: string; account: string | undefined };

export interface MessageSummary {
  uid: number;
  subject: string;
  from: string;
  date: Date | undefined;
}
