import { ConsentryError, isConsentryError } from '../../domain/errors.ts';
import { redact } from '../../domain/redact.ts';

/**
 * Mail failures in words safe to show: the server's reply line only, with the tokens in hand and
 * every credential shape redacted — also a server's echo of the base64 XOAUTH2 line (issue 10,
 * finding 4: `535 5.7.8 rejected dXNlcj1…`).
 */

/** The server's reply line, never more: a token must not ride into a message. */
export function serverReply(error: unknown, tokens: readonly string[]): string {
  const e = error as { response?: unknown; responseText?: unknown; message?: unknown; code?: unknown };
  const text = [e.response, e.responseText, e.message].find((v) => typeof v === 'string' && v.length > 0);
  const line = String(text ?? e.code ?? 'no reply')
    .split(/\r?\n/)[0]!
    .slice(0, 200);
  return redact(line, tokens);
}

export function safeCause(error: unknown, tokens: readonly string[]): Error {
  const e = error as { name?: unknown; code?: unknown };
  return new Error(`${String(e?.name ?? 'Error')} ${String(e?.code ?? '')}: ${serverReply(error, tokens)}`);
}

export function transportError(what: string, error: unknown, tokens: readonly string[]): ConsentryError {
  if (isConsentryError(error)) return error;
  return new ConsentryError('MAIL_SERVER_FAILED', {
    detail: `${what}: ${serverReply(error, tokens)}`,
    facts: { transport: what, code: String((error as { code?: unknown })?.code ?? '') },
    cause: safeCause(error, tokens),
  });
}
