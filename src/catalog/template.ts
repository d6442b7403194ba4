import { ConsentryError } from '../domain/errors.ts';
import type { OAuth2Provider, TemplateField } from './provider.ts';

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
    const raw = input[field.name]?.trim() || field.default;
    if (raw === undefined || raw === '') {
      if (field.optional) continue;
      throw new ConsentryError('CLIENT_INVALID', {
        detail: `${provider.displayName} needs “${field.label}”: ${field.description}`,
        facts: { field: field.name },
      });
    }
    const value = normalise(field, raw);
    if (value === undefined || !new RegExp(`^(?:${field.pattern})$`).test(value)) {
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

function normalise(field: TemplateField, value: string): string | undefined {
  switch (field.kind) {
    case 'text':
      return value;
    case 'host':
      return hostOf(value);
    case 'origin':
      return originOf(value);
    case 'url':
      return urlOf(value);
    case 'base':
      return urlOf(value)?.replace(/\/+$/, '');
  }
}

function parse(value: string): URL | undefined {
  try {
    return new URL(value.includes('://') ? value : `https://${value}`);
  } catch {
    return undefined;
  }
}

/** Accepts `mastodon.social`, `https://mastodon.social/` or `https://mastodon.social/@me`. */
function hostOf(value: string): string {
  return parse(value)?.host.toLowerCase() ?? value;
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * `https://host[:port]`. Plain http is kept only for loopback hosts (local development and the
 * tests' stand-ins); anywhere else an http:// paste is upgraded rather than trusted.
 */
function originOf(value: string): string | undefined {
  const url = parse(value);
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.username || url.password)
    return undefined;
  const scheme = url.protocol === 'http:' && LOOPBACK.has(url.hostname) ? 'http:' : 'https:';
  return `${scheme}//${url.host.toLowerCase()}`;
}

/** A whole URL (issuer, endpoint, base path): no query, no fragment, no credentials. */
function urlOf(value: string): string | undefined {
  const url = parse(value);
  if (!url || url.search || url.hash || url.username || url.password) return undefined;
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.has(url.hostname)))
    return undefined;
  return url.href;
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

/**
 * The values as they enter URLs: a field's `urlValues` maps a stored value to what it stands for
 * (Zoho `ca` → `accounts.zohocloud.ca`); other values are used as they are.
 */
export function urlTemplateValues(
  provider: Pick<OAuth2Provider, 'templates'>,
  values: Record<string, string>,
): Record<string, string> {
  const out = { ...values };
  for (const field of provider.templates) {
    const v = out[field.name];
    const mapped = v === undefined ? undefined : field.urlValues?.[v];
    if (mapped !== undefined) out[field.name] = mapped;
  }
  return out;
}
