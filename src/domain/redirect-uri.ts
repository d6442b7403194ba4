/**
 * Redirect URIs of OAuth applications: what may be registered and how a request's `redirect_uri`
 * is matched against the registered ones. No I/O.
 *
 * - `https://…` — matched exactly, character for character (RFC 9700 §4.1.3: exact string matching).
 * - `http://127.0.0.1:{port}/…` and `http://[::1]:{port}/…` — loopback redirects of native apps:
 *   matched with the port ignored, everything else exact (RFC 8252 §7.3: "the authorization server
 *   MUST allow any port to be specified at the time of the request for loopback IP redirect URIs").
 *   `localhost` is refused at registration (RFC 8252 §8.3: NOT RECOMMENDED — it may resolve elsewhere).
 * - Private-use URI schemes `com.example.app:/cb` (RFC 8252 §7.1): the scheme must hold a period
 *   (a reversed domain name); matched exactly.
 * Nothing with a fragment (RFC 6749 §3.1.2), no user-info, nothing else.
 */
export type RedirectUriKind = 'https' | 'loopback' | 'private-use';

const PRIVATE_SCHEME = /^[a-z][a-z0-9+.-]*\.[a-z0-9+.-]*[a-z0-9]$/;

/** The kind of a registrable redirect URI, or a reason it cannot be registered. */
export function classifyRedirectUri(value: string): { kind: RedirectUriKind } | { error: string } {
  if (value.length > 2000) return { error: 'is too long' };
  if (/\s/.test(value)) return { error: 'contains white space' };
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { error: 'is not an absolute URI' };
  }
  if (value.includes('#')) return { error: 'must not have a fragment' };
  if (url.username || url.password) return { error: 'must not carry user information' };
  const scheme = url.protocol.slice(0, -1).toLowerCase();
  if (scheme === 'https') return url.hostname ? { kind: 'https' } : { error: 'has no host' };
  if (scheme === 'http') {
    if (url.hostname === '127.0.0.1' || url.hostname === '[::1]') return { kind: 'loopback' };
    return {
      error:
        'uses http: only loopback addresses (http://127.0.0.1 or http://[::1], any port) may use http; use https',
    };
  }
  if (PRIVATE_SCHEME.test(scheme)) return { kind: 'private-use' };
  return {
    error: 'uses a scheme that is neither https, loopback http, nor a reversed domain name (RFC 8252 §7.1)',
  };
}

/**
 * Whether `requested` matches one of `registered` (see the module comment). Comparison is on the
 * raw strings for https and private-use schemes; loopback URIs are compared without their port.
 */
export function matchRedirectUri(requested: string, registered: readonly string[]): boolean {
  if (registered.includes(requested)) return true;
  const r = loopbackWithoutPort(requested);
  if (r === undefined) return false;
  return registered.some((uri) => loopbackWithoutPort(uri) === r);
}

/** `http://127.0.0.1/path?query` for a loopback URI (port dropped), else undefined. */
function loopbackWithoutPort(value: string): string | undefined {
  const m = /^http:\/\/(127\.0\.0\.1|\[::1\])(?::(\d{1,5}))?(\/[^#]*)?$/.exec(value);
  if (!m) return undefined;
  if (m[2] !== undefined && Number(m[2]) > 65535) return undefined;
  return `http://${m[1]}${m[3] ?? '/'}`;
}

/** Registered redirect URIs from a list or text (one per line or space-separated). */
export function parseRedirectUris(value: string | readonly string[] | undefined): string[] {
  const parts = typeof value === 'string' ? value.split(/\s+/) : [...(value ?? [])];
  return [...new Set(parts.map((s) => s.trim()).filter(Boolean))];
}
