import { ConsentryError } from '../domain/errors.ts';
import type { OAuth2Provider } from './provider.ts';

/**
 * Validates a registered client's template values against the provider's declared fields and
 * returns the normalised values. A missing or malformed value is an error here, at registration,
 * rather than a broken URL at consent time.
 */
export function validateTemplateValues(
  provider: OAuth2Provider,
  input: Record<string, string | undefined>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const field of provider.templates) {
    let value = input[field.name]?.trim() || field.default;
    if (value === undefined) {
      throw new ConsentryError('CLIENT_INVALID', {
        detail: `${provider.displayName} needs “${field.label}”: ${field.description}`,
        facts: { field: field.name },
      });
    }
    if (field.kind === 'host') value = hostOf(value);
    if (!new RegExp(`^(?:${field.pattern})$`).test(value)) {
      throw new ConsentryError('CLIENT_INVALID', {
        detail: `“${field.label}” is not valid for ${provider.displayName}. ${field.description}${
          field.examples.length ? ` Examples: ${field.examples.join(', ')}.` : ''
        }`,
        facts: { field: field.name },
      });
    }
    out[field.name] = value;
  }
  return out;
}

/** Accepts `mastodon.social`, `https://mastodon.social/` or `https://mastodon.social/@me`. */
function hostOf(value: string): string {
  try {
    const url = new URL(value.includes('://') ? value : `https://${value}`);
    return url.host.toLowerCase();
  } catch {
    return value;
  }
}

/** Fills `{name}` placeholders; every value was validated at registration. */
export function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{([a-z_]+)\}/g, (_, name: string) => {
    const v = values[name];
    if (v === undefined)
      throw new ConsentryError('CLIENT_INVALID', { detail: `Missing value for {${name}}.` });
    return v;
  });
}
