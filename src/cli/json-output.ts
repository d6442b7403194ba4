import { redact } from '../domain/redact.ts';

/**
 * The text `--json` prints: `value` as indented JSON with every string redacted (src/domain/redact.ts)
 * — redaction-safe by construction, since the redaction runs in JSON.stringify's replacer, which sees
 * every string on its way out, at any depth, also inside an Error's own properties or behind a
 * `toJSON` (a Date prints as its ISO text). Credential shapes (Bearer/Basic/XOAUTH2, echoed in
 * stored errors) never reach the terminal; a token asked for with --reveal is a bare value and passes.
 *
 * Each distinct string is redacted once per call (issue 15): a listing repeats the same few
 * providers, grants, scopes and statuses a thousand times, and `redact` decodes every 16-character
 * base64-looking run (`authorization_code` is one) before deciding.
 */
export function jsonForOutput(value: unknown): string {
  const seen = new Map<string, string>();
  const text = JSON.stringify(
    value,
    (_key, v: unknown) => {
      if (typeof v !== 'string') return v;
      let out = seen.get(v);
      if (out === undefined) {
        out = redact(v);
        seen.set(v, out);
      }
      return out;
    },
    2,
  );
  return `${text}\n`;
}
