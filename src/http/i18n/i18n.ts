import type { IncomingHttpHeaders } from 'node:http';
import { createInstance, type i18n as I18n } from 'i18next';
import Negotiator from 'negotiator';
import type { OutreachText } from '../../core/outreach-text.ts';
import { de } from './messages/de.ts';
import { en, type MessageKey, type Messages } from './messages/en.ts';
import { es } from './messages/es.ts';
import { fr } from './messages/fr.ts';

/**
 * End-user pages in the user's language (the pages a person who is not an administrator sees: the
 * connect landing, the callback's error pages, the provider role's consent, device and "Authorized
 * apps" pages, and reconnect outreach — its pages and its email); the console stays English. Translations are data (`messages/*.ts`, typed against English so a missing key is
 * a type error, and `i18n.test.ts` checks the same at run time). i18next does interpolation and
 * fallback; `negotiator` picks the language from `Accept-Language` (RFC 9110 §12.5.4 q-values).
 */
export const LOCALES = { en, fr, de, es } as const satisfies Record<string, Messages>;
export type Locale = keyof typeof LOCALES;
export const SUPPORTED_LOCALES = Object.keys(LOCALES) as Locale[];

let instance: I18n | undefined;
function i18n(): I18n {
  if (instance) return instance;
  const created = createInstance();
  void created.init({
    resources: Object.fromEntries(
      Object.entries(LOCALES).map(([lng, messages]) => [lng, { translation: messages }]),
    ),
    lng: 'en',
    fallbackLng: 'en',
    supportedLngs: SUPPORTED_LOCALES,
    // Synchronous: resources are in memory, so `t` works right after init.
    initAsync: false,
    // Keys are flat strings with dots in them.
    keySeparator: false,
    nsSeparator: false,
    // Pages escape every interpolation themselves (html``), so values are not escaped twice.
    interpolation: { escapeValue: false },
    showSupportNotice: false,
  } as Parameters<I18n['init']>[0]);
  instance = created;
  return created;
}

export type Translate = (key: MessageKey, values?: Record<string, string>) => string;

export interface Translator {
  locale: Locale;
  t: Translate;
  /** A translation when the key exists (e.g. `errors.<CODE>`), else undefined. */
  maybe(key: string, values?: Record<string, string>): string | undefined;
  /** A date and time for people in this language, in UTC with the zone named. */
  formatDateTime(date: Date): string;
}

/** The best supported language for an `Accept-Language` header (English when none matches). */
export function negotiateLocale(acceptLanguage: string | undefined): Locale {
  const chosen = new Negotiator({ headers: { 'accept-language': acceptLanguage ?? '' } }).language(
    SUPPORTED_LOCALES,
  );
  return (chosen as Locale | undefined) ?? 'en';
}

export function translatorFor(headers: IncomingHttpHeaders | { 'accept-language'?: string }): Translator {
  return translatorForLanguage(headers['accept-language'] as string | undefined);
}

/** The translator for a language tag (`fr`, `de-CH`) or an `Accept-Language` list; English by default. */
export function translatorForLanguage(language: string | undefined): Translator {
  const locale = negotiateLocale(language);
  const fixed = i18n().getFixedT(locale);
  const dates = new Intl.DateTimeFormat(locale, {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'UTC',
  });
  return {
    locale,
    t: (key, values) => fixed(key, values ?? {}) as string,
    maybe: (key, values) => (key in en ? (fixed(key, values ?? {}) as string) : undefined),
    formatDateTime: (date) => `${dates.format(date)} UTC`,
  };
}

/** Reconnect outreach's text (keys `outreach.*`) in a language: what src/app.ts hands the core. */
export function outreachTextFor(language: string | undefined): OutreachText {
  const translator = translatorForLanguage(language);
  return {
    locale: translator.locale,
    text: (key, values) => translator.t(`outreach.${key}`, values),
    formatDateTime: translator.formatDateTime,
  };
}

/** A scope in words for the consent screen, in this language; an unknown scope is shown by name. */
export function scopeInWords(translator: Translator, scope: string): string {
  return translator.maybe(`scope.${scope}`) ?? translator.t('consent.unknownScope', { scope });
}
