import { ConsentryError } from '../../domain/errors.ts';
import { MAIL_SECURITIES, type MailServer } from './mailbox.ts';

/**
 * Server settings per provider, so that choosing a provider needs no server settings
 * (Group-Office). Data, keyed by the catalog's provider key: which IMAP/SMTP hosts accept the
 * provider's XOAUTH2 bearer is a fact about the mail service, not about the OAuth grant.
 *
 * - Google: https://developers.google.com/gmail/imap/imap-smtp (imap.gmail.com 993 TLS;
 *   smtp.gmail.com 465 TLS or 587 STARTTLS).
 * - Microsoft 365: https://learn.microsoft.com/exchange/client-developer/legacy-protocols/how-to-authenticate-an-imap-pop-smtp-application-by-using-oauth
 *   (outlook.office365.com 993 TLS; smtp.office365.com 587 STARTTLS). App-only access (client
 *   credentials, no user): scope `https://outlook.office365.com/.default` with the application
 *   permissions IMAP.AccessAsApp / SMTP.SendAsApp, XOAUTH2 `user=` the mailbox address (same page,
 *   "Use client credentials grant flow to authenticate SMTP, IMAP and POP connections").
 */
export interface MailServerDefaults {
  imap: MailServer;
  smtp: MailServer;
  /** Alternatives an administrator may pick (Gmail's 587 STARTTLS). */
  smtpAlternatives?: MailServer[];
  /**
   * Scopes of an application (client-credentials) token these servers take for any mailbox the
   * application was given; absent = the provider has no app-only mail access.
   */
  appOnlyScopes?: string[];
}

export const MAIL_SERVER_DEFAULTS: Readonly<Record<string, MailServerDefaults>> = {
  google: {
    imap: { host: 'imap.gmail.com', port: 993, security: 'tls' },
    smtp: { host: 'smtp.gmail.com', port: 465, security: 'tls' },
    smtpAlternatives: [{ host: 'smtp.gmail.com', port: 587, security: 'starttls' }],
  },
  microsoft: {
    imap: { host: 'outlook.office365.com', port: 993, security: 'tls' },
    smtp: { host: 'smtp.office365.com', port: 587, security: 'starttls' },
    appOnlyScopes: ['https://outlook.office365.com/.default'],
  },
};

/**
 * Parses `imap://host:port`, `imaps://host:port`, `smtp://…`, `smtps://…` (and `+starttls` on the
 * plain schemes: `smtp+starttls://host:587`) into server settings — the form of the demo
 * provider's mail servers in the environment (MAIL_DEMO_IMAP_URL, MAIL_DEMO_SMTP_URL).
 */
export function serverFromUrl(value: string, kind: 'imap' | 'smtp'): MailServer {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConsentryError('MAIL_SETTINGS_INVALID', {
      detail: `${kind.toUpperCase()} server URL is not a URL.`,
    });
  }
  const scheme = url.protocol.replace(/:$/, '');
  const table: Record<string, { security: MailServer['security']; port: number }> = {
    [kind]: { security: 'none', port: kind === 'imap' ? 143 : 25 },
    [`${kind}+starttls`]: { security: 'starttls', port: kind === 'imap' ? 143 : 587 },
    [`${kind}s`]: { security: 'tls', port: kind === 'imap' ? 993 : 465 },
  };
  const entry = table[scheme];
  if (!entry || !url.hostname) {
    throw new ConsentryError('MAIL_SETTINGS_INVALID', {
      detail: `${kind.toUpperCase()} server URL must look like ${kind}s://host:port.`,
    });
  }
  return { host: url.hostname, port: url.port ? Number(url.port) : entry.port, security: entry.security };
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

/**
 * Validates an administrator's server settings. Plain (`none`) is refused except on loopback: the
 * XOAUTH2 bearer would cross the network in clear text.
 */
export function assertMailServer(server: MailServer, kind: 'IMAP' | 'SMTP'): MailServer {
  const host = server.host.trim();
  if (!/^[A-Za-z0-9.-]{1,253}$/.test(host) && !/^\[?[0-9a-fA-F:]+\]?$/.test(host)) {
    throw new ConsentryError('MAIL_SETTINGS_INVALID', {
      detail: `${kind} host “${host.slice(0, 80)}” is not a host name.`,
    });
  }
  if (!Number.isInteger(server.port) || server.port < 1 || server.port > 65535) {
    throw new ConsentryError('MAIL_SETTINGS_INVALID', { detail: `${kind} port must be 1–65535.` });
  }
  if (!MAIL_SECURITIES.includes(server.security)) {
    throw new ConsentryError('MAIL_SETTINGS_INVALID', {
      detail: `${kind} security must be tls, starttls or none.`,
    });
  }
  if (server.security === 'none' && !LOOPBACK.has(host)) {
    throw new ConsentryError('MAIL_SETTINGS_INVALID', {
      detail: `${kind} without TLS is only allowed on this machine (loopback): the access token would travel in clear text.`,
    });
  }
  return { host, port: server.port, security: server.security };
}

export function isLoopbackHost(host: string): boolean {
  return LOOPBACK.has(host);
}
