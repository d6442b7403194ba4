import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Owner-notification templates: a subject and a plain-text body with `{{placeholders}}`.
 * The defaults below can be replaced per installation by files in `<DATA_DIR>/mail-templates/`
 * (`application-created.subject.txt`, `application-created.body.txt`). The values offered to a
 * template never include the client secret: it cannot leak through a template edit.
 */
export const TEMPLATE_NAMES = ['application-created'] as const;
export type TemplateName = (typeof TEMPLATE_NAMES)[number];

export interface MailTemplate {
  subject: string;
  body: string;
}

const DEFAULTS: Record<TemplateName, MailTemplate> = {
  'application-created': {
    subject: 'OAuth application "{{applicationName}}" was created for you',
    body: `Hello,

An OAuth application you own was created in Consentry.

  Application:   {{applicationName}}
  Organization:  {{organizationName}}
  API:           {{audience}}
  Scopes:        {{scopes}}
  Client ID:     {{clientId}}
  Token lifetime: {{tokenLifetime}} seconds
  Status:        {{status}}

The client secret was shown once to the person who created the application; it is not stored
and is not in this message. If it was lost, rotate the secret in the console:
{{consoleUrl}}

Tokens are requested with the client_credentials grant at:
{{tokenEndpoint}}

If you did not expect this application, ask your administrator to deactivate it.
`,
  },
};

export function loadTemplate(name: TemplateName, overridesDir: string | undefined): MailTemplate {
  const base = DEFAULTS[name];
  if (!overridesDir) return base;
  const read = (part: 'subject' | 'body') => {
    const file = join(overridesDir, `${name}.${part}.txt`);
    return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  };
  return { subject: read('subject')?.trim() ?? base.subject, body: read('body') ?? base.body };
}

/** `{{name}}` → value; unknown placeholders become empty. Subjects lose line breaks (header injection). */
export function renderTemplate(template: MailTemplate, values: Record<string, string>): MailTemplate {
  const fill = (text: string) =>
    text.replace(/\{\{\s*([A-Za-z]+)\s*\}\}/g, (_, k: string) => values[k] ?? '');
  return { subject: fill(template.subject).replace(/[\r\n]+/g, ' '), body: fill(template.body) };
}
