import nodemailer, { type SendMailOptions, type Transporter } from 'nodemailer';
import { Egress } from './egress.ts';

/** The egress module's check of a mail server: the address to connect to and the TLS name. */
export type ResolveMailServer = (
  host: string,
  port: number,
) => Promise<{ address: string; servername: string | undefined }>;

/** Connection, greeting and socket timeout of the operator's SMTP server, ms. */
export const SMTP_TIMEOUT_MS = 10_000;

let strict: Egress | undefined;
/** An egress without operator exceptions (public addresses only), for callers given no resolver. */
function strictResolver(): ResolveMailServer {
  strict ??= new Egress({ rules: [], trustedOrigins: [] });
  return (host, port) => strict!.resolveServer(host, port);
}

/**
 * The operator's SMTP server (`SMTP_URL`, e.g. `smtp://user:pass@mail.example:587`, `smtps://…:465`)
 * for the platform's own mail: owner notifications (src/authserver/owner-notification.ts) and
 * reconnect links (src/core/reconnect-outreach.ts). SMTP_URL is parsed here, not by nodemailer, so
 * the socket goes to the address the egress module resolved and checked (at every send: a name
 * that starts resolving elsewhere is checked again); TLS still verifies the configured host name
 * (`servername`). Query options of the URL are not read.
 *
 * `resolveMailServer` absent (a library user's AuthServer): an egress with no exceptions — an
 * internal SMTP host is then refused (EGRESS_REFUSED) until the caller passes the policy's own.
 *
 * Errors of `sendMail`: EGRESS_REFUSED (policy), nodemailer's (`responseCode`, `code` such as
 * ETIMEDOUT / ECONNECTION) — callers report the code only, never the server's text.
 */
export function createSmtpMailer(
  smtpUrl: string,
  resolveMailServer: ResolveMailServer | undefined,
  options: { timeoutMs?: number } = {},
): { sendMail(message: SendMailOptions): Promise<{ messageId?: string }>; close(): void } {
  const resolve = resolveMailServer ?? strictResolver();
  const timeoutMs = options.timeoutMs ?? SMTP_TIMEOUT_MS;
  let transport: Transporter | undefined;
  let transportKey = '';
  const transportFor = async (): Promise<Transporter> => {
    const u = new URL(smtpUrl);
    const secure = u.protocol === 'smtps:';
    const port = u.port ? Number(u.port) : secure ? 465 : 587;
    const target = await resolve(u.hostname, port);
    const key = `${target.address}:${port}`;
    if (transport && key === transportKey) return transport;
    transport?.close();
    transportKey = key;
    transport = nodemailer.createTransport({
      host: target.address,
      port,
      secure,
      connectionTimeout: timeoutMs,
      greetingTimeout: timeoutMs,
      socketTimeout: timeoutMs,
      ...(target.servername ? { servername: target.servername } : {}),
      ...(u.username
        ? { auth: { user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password) } }
        : {}),
    });
    return transport;
  };
  return {
    async sendMail(message) {
      return (await transportFor()).sendMail(message);
    },
    close() {
      transport?.close();
      transport = undefined;
    },
  };
}
