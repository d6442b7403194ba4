/**
 * The end-user text of reconnect outreach (the email and the landing pages) is translated data in
 * the i18n layer (src/http/i18n/messages/*.ts, keys `outreach.<key>`), not here: the core stays
 * free of HTTP and of any i18n library. What the core needs for the email is handed to it by the
 * composition root (src/app.ts) as an `OutreachTextFor`: the text in a given language.
 *
 * Values filled in: `provider` (display name), `account`, `link` (the URL) and `expires` (a date
 * and time, already formatted for the language by `formatDateTime`).
 */
export const OUTREACH_TEXT_KEYS = [
  'mailSubject',
  'mailBody',
  'pageTitle',
  'pageHeading',
  'pageLead',
  'pageButton',
  'pageExpires',
  'invalidTitle',
  'invalidBody',
  'doneTitle',
  'doneCancelled',
  'doneMismatch',
  'doneOk',
] as const;

export type OutreachTextKey = (typeof OUTREACH_TEXT_KEYS)[number];

/** Text in one language: `locale` is the language chosen (e.g. `fr`), `text` fills a key's values. */
export interface OutreachText {
  locale: string;
  text(key: OutreachTextKey, values: Record<string, string>): string;
  /** A date and time for people, in that language (UTC, with the zone named). */
  formatDateTime(date: Date): string;
}

/**
 * The text for a recipient's language: `language` is a BCP 47 tag or an `Accept-Language`-style
 * list (e.g. `de-CH, de;q=0.9`); undefined or unsupported gives the default language (English).
 */
export type OutreachTextFor = (language: string | undefined) => OutreachText;
