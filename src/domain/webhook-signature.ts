import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Webhook signatures, the Stripe-style scheme (https://docs.stripe.com/webhooks#verify-manually):
 *
 *     Consentry-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>
 *
 * The timestamp is inside the signed bytes, so a captured delivery cannot be replayed later than
 * the receiver's tolerance. Several `v1=` values may appear (during a secret rotation); one match
 * is enough. Written by hand rather than taken from a library because it is one HMAC and one
 * constant-time compare, and the helper must run in a consumer's process with no dependency.
 */
export const SIGNATURE_HEADER = 'consentry-signature';
export const DEFAULT_TOLERANCE_SECONDS = 300;

/** The header value for `body` signed with `secret` at `timestamp` (unix seconds). */
export function signWebhook(secret: string, body: string, timestamp: number): string {
  return `t=${timestamp},v1=${hmacHex(secret, `${timestamp}.${body}`)}`;
}

export interface VerifyWebhookOptions {
  /** Oldest (and furthest future) timestamp accepted, in seconds from now. Default 300. */
  toleranceSeconds?: number;
  /** Clock for tests, unix seconds. */
  now?: number;
}

export type WebhookVerification =
  | { ok: true; timestamp: number }
  | {
      ok: false;
      reason: 'header_missing' | 'header_malformed' | 'timestamp_outside_tolerance' | 'signature_mismatch';
    };

/**
 * Checks a delivery: `header` is the `Consentry-Signature` value, `body` the RAW request body
 * (bytes or the exact string — not re-serialized JSON). Compares in constant time.
 *
 * @example
 *   const v = verifyWebhook(endpointSecret, req.headers['consentry-signature'], rawBody);
 *   if (!v.ok) return res.status(400).end();
 */
export function verifyWebhook(
  secret: string,
  header: string | string[] | null | undefined,
  body: string | Uint8Array,
  options: VerifyWebhookOptions = {},
): WebhookVerification {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) return { ok: false, reason: 'header_missing' };
  let timestamp: number | undefined;
  const signatures: string[] = [];
  for (const part of value.split(',')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const key = part.slice(0, eq).trim();
    const v = part.slice(eq + 1).trim();
    if (key === 't' && /^\d{1,12}$/.test(v)) timestamp = Number(v);
    else if (key === 'v1' && /^[0-9a-f]{64}$/.test(v)) signatures.push(v);
  }
  if (timestamp === undefined || signatures.length === 0) return { ok: false, reason: 'header_malformed' };
  const now = options.now ?? Math.floor(Date.now() / 1000);
  const tolerance = options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  if (Math.abs(now - timestamp) > tolerance) return { ok: false, reason: 'timestamp_outside_tolerance' };
  const text = typeof body === 'string' ? body : Buffer.from(body).toString('utf8');
  const expected = Buffer.from(hmacHex(secret, `${timestamp}.${text}`), 'hex');
  const match = signatures.some((s) => timingSafeEqual(expected, Buffer.from(s, 'hex')));
  return match ? { ok: true, timestamp } : { ok: false, reason: 'signature_mismatch' };
}

function hmacHex(secret: string, data: string): string {
  return createHmac('sha256', secret).update(data).digest('hex');
}
