import pino, { type Logger } from 'pino';
import { redact, redactDeep } from './domain/redact.ts';

/**
 * Structured logs with secrets redacted. Request URLs are logged without their query string (the
 * callback's carries the authorization code); headers that carry credentials are censored; and
 * any field named like a secret is censored wherever it appears.
 */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.access_token',
  '*.refresh_token',
  '*.client_secret',
  '*.id_token',
  '*.code',
  '*.code_verifier',
  '*.password',
  '*.accessToken',
  '*.refreshToken',
  '*.clientSecret',
  '*.codeVerifier',
];

/**
 * `pretty: true` renders human-readable lines through pino-pretty (a worker-thread transport, so
 * formatting stays off the request path); otherwise one JSON object per line, for log collectors.
 * Redaction happens before either, so both carry the same (censored) fields.
 */
export function createLogger(options: {
  level: string;
  destination?: pino.DestinationStream;
  pretty?: boolean;
}): Logger {
  const destination =
    options.destination ??
    (options.pretty
      ? pino.transport({
          target: 'pino-pretty',
          options: {
            colorize: true,
            translateTime: 'SYS:HH:MM:ss',
            ignore: 'pid,hostname',
            singleLine: true,
          },
        })
      : undefined);
  return pino(
    {
      level: options.level,
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      // Beyond the named fields: every string of every line goes through the one redaction
      // function (credential shapes, base64 XOAUTH2 echoes), whatever field it sits in.
      formatters: { log: (object) => redactDeep(object) },
      hooks: {
        logMethod(args, method) {
          method.apply(
            this,
            args.map((a) => (typeof a === 'string' ? redact(a) : a)) as Parameters<typeof method>,
          );
        },
      },
      serializers: {
        req: (req: { method?: string; url?: string; id?: string }) => ({
          id: req.id,
          method: req.method,
          // Links whose path is the credential (reconnect links, CLI connect hand-offs) are cut.
          url: (req.url ?? '')
            .split('?')[0]!
            .replace(/^\/(reconnect|connect\/link)\/(?!done$)[^/]+/, '/$1/[redacted]'),
        }),
        err: (e: Error) => redactDeep(pino.stdSerializers.err(e)),
      },
    },
    destination,
  );
}
