import { type ProviderAnswer, parseRetryAfter } from '../catalog/error-mappings.ts';
import { ConsentryError } from '../domain/errors.ts';

/**
 * What the core's outcome classifier needs of a token-endpoint answer (issue 11), kept beside
 * the error instead of inside it: the status, `Retry-After` and the parsed JSON body ride on the
 * ConsentryError as a non-enumerable property, so no serializer (logs, JSON bodies, `toJSON`)
 * ever sees the body — bodies can carry tokens.
 */
const ANSWER = Symbol('providerAnswer');

/**
 * Reads status, `Retry-After` and the JSON object body (undefined when not JSON) of a response,
 * reading the body once: returns the answer and an unread Response with the same status, headers
 * and body for oauth4webapi to process (issue 11: a `clone()` tee per token request cost more
 * than reading the buffered body and building the Response again).
 */
export async function readAnswer(
  response: Response,
): Promise<{ answer: ProviderAnswer; response: Response }> {
  const text = await response.text();
  let body: Record<string, unknown> | undefined;
  try {
    const value: unknown = JSON.parse(text);
    if (value !== null && typeof value === 'object' && !Array.isArray(value))
      body = value as Record<string, unknown>;
  } catch {
    body = undefined;
  }
  const nullBody = response.status === 204 || response.status === 205 || response.status === 304;
  return {
    answer: {
      status: response.status,
      retryAfterSeconds: parseRetryAfter(response.headers.get('retry-after')),
      body,
    },
    response: new Response(nullBody ? null : text, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    }),
  };
}

/**
 * Any HTTP-200 body with a string `error` member and no `access_token` is an error response, for
 * every provider (GitHub, Zoho and others answer errors with 200), at the exchange and at refresh —
 * RFC 6749 §5.2 in all but the status. Returns the error to throw, else undefined.
 */
export function errorBodyOf200(
  answer: ProviderAnswer,
  providerKey: string,
  stage: 'token' | 'refresh',
): ConsentryError | undefined {
  const b = answer.body;
  if (answer.status !== 200 || !b || typeof b.error !== 'string' || 'access_token' in b) return undefined;
  const oauthError = b.error.slice(0, 64);
  return new ConsentryError('TOKEN_REQUEST_REJECTED', {
    detail: `${providerKey} answered “${oauthError}” (HTTP 200).`,
    facts: { provider: providerKey, stage, status: 200, oauthError },
  });
}

/** Keeps the answer with the error for the classifier (non-enumerable: never serialized). */
export function withAnswer(error: ConsentryError, answer: ProviderAnswer | undefined): ConsentryError {
  if (answer && !(ANSWER in error))
    Object.defineProperty(error, ANSWER, { value: answer, enumerable: false });
  return error;
}

/** The provider's answer an error came from, when it came from one. */
export function answerOf(error: unknown): ProviderAnswer | undefined {
  return error && typeof error === 'object' && ANSWER in error
    ? ((error as Record<symbol, unknown>)[ANSWER] as ProviderAnswer)
    : undefined;
}
