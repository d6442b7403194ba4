import { describe, expect, it } from 'vitest';
import { LOCALES, negotiateLocale, translatorFor } from './i18n.ts';

describe('end-user translations', () => {
  const reference = Object.keys(LOCALES.en).sort();

  for (const [locale, messages] of Object.entries(LOCALES)) {
    it(`${locale} defines every key of English, none empty, with the same placeholders`, () => {
      expect(Object.keys(messages).sort()).toEqual(reference);
      for (const [key, value] of Object.entries(messages)) {
        expect(value.trim(), `${locale} ${key}`).not.toBe('');
        const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
        expect(placeholders(value), `${locale} ${key}`).toEqual(
          placeholders(LOCALES.en[key as keyof typeof LOCALES.en]),
        );
      }
    });
  }

  it('picks the language from Accept-Language with q-values, English when none matches', () => {
    expect(negotiateLocale('fr-CA,fr;q=0.9,en;q=0.5')).toBe('fr');
    expect(negotiateLocale('de-DE')).toBe('de');
    expect(negotiateLocale('en;q=0.4, es;q=0.8')).toBe('es');
    expect(negotiateLocale('ja, zh;q=0.9')).toBe('en');
    expect(negotiateLocale(undefined)).toBe('en');
  });

  it('interpolates values and answers only for known keys', () => {
    const { t, maybe } = translatorFor({ 'accept-language': 'es' });
    expect(t('error.code', { code: 'FLOW_UNKNOWN' })).toBe('Código: FLOW_UNKNOWN');
    expect(maybe('errors.FLOW_EXPIRED')).toMatch(/caducó/);
    expect(maybe('errors.NOT_A_KEY')).toBeUndefined();
  });
});
