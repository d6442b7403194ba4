import nodemailer from 'nodemailer';
import type { MailServer } from './mailbox.ts';

/**
 * Sends one message over SMTP with SASL XOAUTH2 (Google/Microsoft's mechanism: the bearer in
 * `user=…^Aauth=Bearer …^A^A`). nodemailer asks `bearer(renew)` for the token through its
 * `provisionCallback`: first with renew=false (Consentry's `ensureFresh`), and — when the server
 * refuses it (the 334 challenge, then 535) — exactly once more with renew=true in the same SMTP
 * session (Consentry's forced refresh). nodemailer never retries a second time, and never gets a
 * refresh token or client secret: refresh stays with Consentry's coordinator.
 */
export interface OutgoingMessage {
  to: string;
  subject: string;
  text: string;
}

export interface SentMessage {
  messageId: string;
  accepted: string[];
  rejected: string[];
}

export async function sendWithXoauth2(input: {
  server: MailServer;
  /** Where to connect: the address the egress module checked, TLS verified against `servername`. */
  target: { address: string; servername: string | undefined };
  user: string;
  bearer: (renew: boolean) => Promise<string>;
  from: { address: string; name?: string | undefined };
  message: OutgoingMessage;
  timeoutMs: number;
}): Promise<SentMessage> {
  const { server } = input;
  const transport = nodemailer.createTransport({
    host: input.target.address,
    ...(input.target.servername ? { servername: input.target.servername } : {}),
    port: server.port,
    secure: server.security === 'tls',
    requireTLS: server.security === 'starttls',
    ignoreTLS: server.security === 'none',
    auth: {
      type: 'OAuth2',
      user: input.user,
      provisionCallback(_user, renew, callback) {
        input.bearer(renew).then(
          (token) => callback(null, token, 0),
          (e: Error) => callback(e, '', 0),
        );
      },
    },
    connectionTimeout: input.timeoutMs,
    greetingTimeout: input.timeoutMs,
    socketTimeout: input.timeoutMs,
    logger: false,
    debug: false,
  });
  try {
    const info = await transport.sendMail({
      from: input.from.name ? { name: input.from.name, address: input.from.address } : input.from.address,
      to: input.message.to,
      subject: input.message.subject,
      text: input.message.text,
    });
    return {
      messageId: String(info.messageId),
      accepted: (info.accepted ?? []).map(String),
      rejected: (info.rejected ?? []).map(String),
    };
  } finally {
    transport.close();
  }
}

/** nodemailer says `EAUTH` when the server refused the SASL exchange (535, or the XOAUTH2 334 challenge). */
export function isSmtpAuthFailure(error: unknown): boolean {
  return (error as { code?: unknown })?.code === 'EAUTH';
}
