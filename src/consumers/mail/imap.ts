import { ImapFlow } from 'imapflow';
import type { MailServer, MessageSummary } from './mailbox.ts';

/**
 * Reads the newest messages of INBOX over IMAP, authenticating with the access token (imapflow
 * picks AUTH=OAUTHBEARER or AUTH=XOAUTH2, whichever the server offers). The mailbox is opened
 * read-only: listing never changes a \Seen flag.
 */
export async function listNewestWithBearer(input: {
  server: MailServer;
  /** Where to connect: the address the egress module checked, TLS verified against `servername`. */
  target: { address: string; servername: string | undefined };
  user: string;
  accessToken: string;
  limit: number;
  timeoutMs: number;
}): Promise<MessageSummary[]> {
  const { server } = input;
  const client = new ImapFlow({
    host: input.target.address,
    ...(input.target.servername ? { servername: input.target.servername } : {}),
    port: server.port,
    secure: server.security === 'tls',
    doSTARTTLS: server.security === 'starttls',
    auth: { user: input.user, accessToken: input.accessToken },
    logger: false,
    disableAutoIdle: true,
    connectionTimeout: input.timeoutMs,
    greetingTimeout: input.timeoutMs,
    socketTimeout: input.timeoutMs * 3,
  });
  // imapflow also emits 'error' on the socket; without a listener a late one would crash the process.
  client.on('error', () => {});
  try {
    await client.connect();
    const mailbox = await client.mailboxOpen('INBOX', { readOnly: true });
    const exists = mailbox.exists;
    if (exists === 0) return [];
    const first = Math.max(1, exists - input.limit + 1);
    const out: MessageSummary[] = [];
    for await (const m of client.fetch(`${first}:*`, { uid: true, envelope: true, internalDate: true })) {
      const from = m.envelope?.from?.[0];
      out.push({
        uid: m.uid,
        subject: m.envelope?.subject ?? '',
        from: from ? (from.name ? `${from.name} <${from.address ?? ''}>` : (from.address ?? '')) : '',
        date: dateOf(m.envelope?.date ?? m.internalDate),
      });
    }
    return out.sort((a, b) => b.uid - a.uid).slice(0, input.limit);
  } finally {
    if (client.usable) await client.logout().catch(() => {});
    else client.close();
  }
}

/** imapflow marks a refused AUTHENTICATE/LOGIN with `authenticationFailed` (NO [AUTHENTICATIONFAILED] …). */
export function isImapAuthFailure(error: unknown): boolean {
  const e = error as { authenticationFailed?: unknown; serverResponseCode?: unknown } | undefined;
  return e?.authenticationFailed === true || e?.serverResponseCode === 'AUTHENTICATIONFAILED';
}

function dateOf(value: Date | string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const d = value instanceof Date ? value : new Date(value);
  return Number.isNaN(d.getTime()) ? undefined : d;
}
