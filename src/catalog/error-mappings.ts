import type { ErrorMapping, OAuth2Provider } from './provider.ts';

/**
 * The provider's answer to a token request as the classifier sees it: the HTTP status, the
 * `Retry-After` delay and the JSON body — after the provider's quirk module, if any, reshaped it
 * (GitHub's and Slack's HTTP-200 errors arrive as HTTP 400 with the provider's own error name).
 * Bodies stay in memory for classification only; nothing of them is logged or stored except the
 * fields evidence names (error code, bounded description).
 */
export interface ProviderAnswer {
  status: number;
  /** RFC 9110 §10.2.3, in seconds (delay-seconds or an HTTP date), when present and valid. */
  retryAfterSeconds: number | undefined;
  body: Record<string, unknown> | undefined;
}

/** The string at a dotted path of a JSON object (`Fault.Error.0.code`), else undefined. */
export function fieldAt(body: Record<string, unknown> | undefined, path: string): string | undefined {
  let value: unknown = body;
  for (const part of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

/** The OAuth `error` of an answer, when its body has one. */
export function errorCodeOf(answer: ProviderAnswer): string | undefined {
  const e = answer.body?.error;
  return typeof e === 'string' ? e : undefined;
}

export function descriptionOf(answer: ProviderAnswer): string | undefined {
  const d = answer.body?.error_description;
  return typeof d === 'string' ? d : undefined;
}

/** Whether one mapping's conditions all hold for this answer at this stage. */
export function mappingMatches(
  mapping: ErrorMapping,
  answer: ProviderAnswer,
  stage: 'refresh' | 'exchange',
): boolean {
  if (mapping.stage !== 'both' && mapping.stage !== stage) return false;
  const w = mapping.when;
  if (w.status && !w.status.includes(answer.status)) return false;
  if (w.error !== undefined && errorCodeOf(answer) !== w.error) return false;
  if (w.descriptionIncludes !== undefined) {
    const d = descriptionOf(answer);
    if (!d?.toLowerCase().includes(w.descriptionIncludes.toLowerCase())) return false;
  }
  if (w.field !== undefined && fieldAt(answer.body, w.field) !== w.equals) return false;
  return true;
}

/** The first of the provider's mappings that matches, in declaration order (specific first). */
export function matchErrorMapping(
  provider: Pick<OAuth2Provider, 'errors'>,
  answer: ProviderAnswer,
  stage: 'refresh' | 'exchange',
): ErrorMapping | undefined {
  return provider.errors.find((m) => mappingMatches(m, answer, stage));
}

/** `Retry-After` as seconds: delay-seconds or an HTTP date (RFC 9110 §10.2.3); capped at a day. */
export function parseRetryAfter(value: string | null, now: Date = new Date()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Math.min(Number(trimmed), 86_400);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.min(Math.max(0, Math.ceil((at - now.getTime()) / 1000)), 86_400);
}
