import type { Application } from '../domain/application.ts';
import { createSmtpMailer, type ResolveMailServer } from '../egress/smtp.ts';
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
  resolveMailServer?: ResolveMailServer | undefined;
}

/**
 * Tells an application's owner it was created (subject and body from templates, never the
 * secret), through nodemailer and the configured SMTP server. A mail failure does not undo the
 * creation: the result says what happened and the caller shows it.
 */
export function createOwnerNotifier(settings: MailSettings): OwnerNotifier & { close(): void } {
  // Through the egress module (src/egress/smtp.ts): the socket goes to the checked address.
  const mailer = settings.smtpUrl
    ? createSmtpMailer(settings.smtpUrl, settings.resolveMailServer)
    : undefined;
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
        const info = await mailer!.sendMail({
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
      mailer?.close();
    },
  };
}
