/**
 * One redaction function for every output (issue 10, finding 4; SECURITY.md "Secrets, derived
 * forms"): errors, flashes, pages, stored error columns (`mailboxes.last_error`), logs and CLI
 * output. A secret must not appear raw, base64-encoded, inside a Basic or XOAUTH2 string, or
 * inside a peer's echo of one.
 *
 * Two layers:
 * 1. Shapes that carry a credential whatever it is (no need to know the secret): `Bearer x`,
 *    `Basic x`, `auth=Bearer x` (SASL XOAUTH2, RFC 7628's OAUTHBEARER), and any base64 run that
 *    decodes to text containing one of those (a mail server echoing the XOAUTH2 initial response
 *    `dXNlcj1…`).
 * 2. Known secrets (the tokens in hand): the raw value, its URL-encoded form, and its base64 and
 *    base64url forms at each of the three byte alignments — so the secret is caught also inside a
 *    longer base64 string (`user=…\x01auth=Bearer <token>\x01\x01` encoded), where its own base64
 *    would not appear verbatim — and any base64 run that decodes to text containing it.
 */
export const REDACTED = '[redacted]';

const MIN_SECRET_LENGTH = 8;
/** Runs of base64/base64url worth decoding (shorter runs cannot hide a credential). */
const BASE64_RUN = /[A-Za-z0-9+/_-]{16,}={0,2}/g;
const CREDENTIAL_SHAPES: RegExp[] = [
  // biome-ignore lint/suspicious/noControlCharactersInRegex: SASL XOAUTH2 separates its fields with \x01
  /\b(auth=Bearer\s+)[^\s\x01]+/gi,
  /\b(Bearer\s+)[A-Za-z0-9\-._~+/]+=*/g,
  /\b(Basic\s+)[A-Za-z0-9+/]+=*/g,
];
/**
 * What every credential shape above and every base64 run contains: a text without any of these
 * has nothing to redact but known secrets (a fast path — the CLI prints thousands of strings).
 */
const MAYBE_CREDENTIAL = /[A-Za-z0-9+/_-]{16}|bearer|basic|auth=/i;
// biome-ignore lint/suspicious/noControlCharactersInRegex: SASL XOAUTH2 separates its fields with \x01
const CREDENTIAL_IN_DECODED = /auth=Bearer|\bBearer\s+\S{8,}|\x01auth=/i;

/** The forms of `secret` to look for: raw, URL-encoded, base64 and base64url at three alignments. */
export function derivedForms(secret: string): string[] {
  if (secret.length < MIN_SECRET_LENGTH) return [];
  const forms = new Set<string>([secret, encodeURIComponent(secret)]);
  const bytes = Buffer.from(secret, 'utf8');
  for (let offset = 0; offset < 3; offset++) {
    const padded = Buffer.concat([Buffer.alloc(offset), bytes]);
    const b64 = padded.toString('base64');
    // Characters that depend only on the secret's bytes: skip those mixed with the prefix, stop
    // before the one mixed with whatever follows.
    const start = offset === 0 ? 0 : offset === 1 ? 2 : 3;
    const end = Math.floor((padded.length * 8) / 6);
    const core = b64.slice(start, end);
    if (core.length >= MIN_SECRET_LENGTH) {
      forms.add(core);
      forms.add(core.replace(/\+/g, '-').replace(/\//g, '_'));
    }
  }
  return [...forms].sort((a, b) => b.length - a.length);
}

function decodeRun(run: string): string | undefined {
  try {
    const normal = run.replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, '');
    const text = Buffer.from(normal, 'base64').toString('latin1');
    // Mostly printable (or the SASL \x01 separators): worth searching.
    // biome-ignore lint/suspicious/noControlCharactersInRegex: SASL XOAUTH2 separates its fields with \x01
    return /^[\x01\x09\x0a\x0d\x20-\x7e\x80-\xff]*$/.test(text) ? text : undefined;
  } catch {
    return undefined;
  }
}

/**
 * `text` with every credential shape and every form of `secrets` replaced by `[redacted]`.
 * Secrets shorter than 8 characters are ignored (they would redact ordinary words).
 */
export function redact(text: string, secrets: readonly (string | undefined)[] = []): string {
  const known = secrets.filter((s): s is string => typeof s === 'string' && s.length >= MIN_SECRET_LENGTH);
  if (known.length === 0 && !MAYBE_CREDENTIAL.test(text)) return text;
  let out = text;
  // Base64 runs first: the decoded text decides, before shapes cut a run into pieces.
  out = out.replace(BASE64_RUN, (run) => {
    const decoded = decodeRun(run);
    if (decoded === undefined) return run;
    if (CREDENTIAL_IN_DECODED.test(decoded)) return REDACTED;
    if (known.some((s) => decoded.includes(s))) return REDACTED;
    return run;
  });
  for (const secret of known) {
    for (const form of derivedForms(secret)) out = out.split(form).join(REDACTED);
  }
  for (const shape of CREDENTIAL_SHAPES) out = out.replace(shape, `$1${REDACTED}`);
  return out;
}

/** `redact` applied to every string inside a JSON-like value (log objects); other values kept. */
export function redactDeep<T>(value: T, secrets: readonly (string | undefined)[] = [], depth = 0): T {
  if (typeof value === 'string') return redact(value, secrets) as T;
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => redactDeep(v, secrets, depth + 1)) as T;
  if (value instanceof Error) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>))
    out[k] = redactDeep(v, secrets, depth + 1);
  return out as T;
}
