import nodemailer, { type Transporter } from 'nodemailer';
import type { Application } from '../domain/application.ts';
import { loadTemplate, renderTemplate } from './mail-templates.ts';

/** The outcome the console and CLI show: sent, or why no email was sent. */
export type NotificationResult =
  | { sent: true; to: string; messageId: string }
  | { sent: false; to: string; reason: string };

export interface OwnerNotifier {
  applicationCreated(application: Application): Promise<NotificationResult>;
}

export interface MailSettings {
  /** e.g. smtp://user:pass@mail.example:587 — undefined: no email is sent, and callers say so. */
  smtpUrl: string | undefined;
  from: string;
  templatesDir?: string | undefined;
  publicBaseUrl: string;
  tokenEndpoint: string;
  /** The egress module's check of the SMTP host (the address to connect to and the TLS name). */
  resolveMailServer?: (
    host: string,
    port: number,
  ) => Promise<{ address: string; servername: string | undefined }>;
}

/**
 * Tells an application's owner it was created (subject and body from templates, never the
 * secret), through nodemailer and the configured SMTP server. A mail failure does not undo the
 * creation: the result says what happened and the caller shows it.
 */
export function createOwnerNotifier(settings: MailSettings): OwnerNotifier & { close(): void } {
  let transport: Transporter | undefined;
  let transportKey = '';
  /**
   * SMTP_URL parsed here (not by nodemailer) so the socket goes to the address the egress module
   * resolved and checked; TLS still verifies the configured host name (`servername`).
   */
  const transportFor = async (smtpUrl: string): Promise<Transporter> => {
    const u = new URL(smtpUrl);
    const secure = u.protocol === 'smtps:';
    const port = u.port ? Number(u.port) : secure ? 465 : 587;
    const target = settings.resolveMailServer
      ? await settings.resolveMailServer(u.hostname, port)
      : { address: u.hostname, servername: undefined };
    const key = `${target.address}:${port}`;
    if (transport && key === transportKey) return transport;
    transport?.close();
    transportKey = key;
    transport = nodemailer.createTransport({
      host: target.address,
      port,
      secure,
      ...(target.servername ? { servername: target.servername } : {}),
      ...(u.username
        ? { auth: { user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password) } }
        : {}),
    });
    return transport;
  };
  return {
    async applicationCreated(application) {
      const to = application.ownerEmail;
      if (!settings.smtpUrl) return { sent: false, to, reason: 'SMTP is not configured (SMTP_URL)' };
      const message = renderTemplate(loadTemplate('application-created', settings.templatesDir), {
        applicationName: application.name,
        organizationName: application.organizationName,
        audience: application.audience === 'backend' ? 'Backend API' : 'Frontend API',
        scopes: application.scopes.join(' ') || '(none)',
        clientId: application.clientId,
        tokenLifetime: String(application.tokenLifetimeSeconds),
        status: application.active ? 'active' : 'inactive',
        consoleUrl: `${settings.publicBaseUrl}/apps/${encodeURIComponent(application.id)}`,
        tokenEndpoint: settings.tokenEndpoint,
      });
      try {
        const info = await (await transportFor(settings.smtpUrl)).sendMail({
          from: settings.from,
          to,
          subject: message.subject,
          text: message.body,
        });
        return { sent: true, to, messageId: String(info.messageId ?? '') };
      } catch (e) {
        // The SMTP error text names the server's reply, never our message body.
        const code =
          (e as { responseCode?: number; code?: string }).responseCode ?? (e as { code?: string }).code;
        return {
          sent: false,
          to,
          reason: `the mail server refused or could not be reached (${code ?? 'error'})`,
        };
      }
    },
    close() {
      transport?.close();
    },
  };
}
