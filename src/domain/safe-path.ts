import { ConsentryError } from './errors.ts';

const MAX_PATH_LENGTH = 2048;

/**
 * Accepts only a same-site absolute path ("/settings/mail?x=1").
 *
 * Refused: absolute URLs, protocol-relative `//evil`, backslash tricks (`/\evil`, which browsers
 * treat as `//evil`), control characters and anything that parses to another origin.
 * This is the whole open-redirect defence, so it is deliberately strict.
 */
export function assertSameSitePath(value: unknown, what = 'returnUrl'): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_PATH_LENGTH) {
    throw new ConsentryError('UNSAFE_RETURN_URL', { facts: { field: what } });
  }
  const bad =
    !value.startsWith('/') || value.startsWith('//') || value.includes('\\') || hasControlCharacter(value);
  if (bad) throw new ConsentryError('UNSAFE_RETURN_URL', { facts: { field: what } });
  const base = 'http://same-site.invalid';
  const parsed = new URL(value, base);
  if (parsed.origin !== base) throw new ConsentryError('UNSAFE_RETURN_URL', { facts: { field: what } });
  return value;
}

/** Adds query parameters to a same-site path, keeping what it already has. */
export function withQuery(path: string, params: Record<string, string>): string {
  const url = new URL(path, 'http://same-site.invalid');
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  return `${url.pathname}${url.search}${url.hash}`;
}

function hasControlCharacter(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) return true;
  }
  return false;
}

/** A `next=` style parameter: the path when it is same-site, else `fallback` (never an error). */
export function sameSitePathOr(value: string | undefined, fallback = '/'): string {
  if (!value) return fallback;
  try {
    return assertSameSitePath(value, 'next');
  } catch {
    return fallback;
  }
}
