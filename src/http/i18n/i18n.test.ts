import { describe, expect, it } from 'vitest';
import { OUTREACH_TEXT_KEYS } from '../../core/outreach-text.ts';
import { LOCALES, negotiateLocale, outreachTextFor, scopeInWords, translatorFor } from './i18n.ts';

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

  it('has every key reconnect outreach asks for (the core names them, the data files hold them)', () => {
    for (const key of OUTREACH_TEXT_KEYS) expect(Object.keys(LOCALES.en)).toContain(`outreach.${key}`);
  });

  it('a missing key fails the check above: the reference test is not vacuous', () => {
    const { 'consent.allow': _dropped, ...incomplete } = LOCALES.fr;
    expect(Object.keys(incomplete).sort()).not.toEqual(reference);
  });

  it('writes the reconnect email in the recipient’s language, with its values and a localized date', () => {
    const values = {
      provider: 'Google',
      account: 'pat@example.org',
      link: 'https://consentry.example/reconnect/x.y',
    };
    const at = new Date('2026-12-06T10:30:00Z');
    const fr = outreachTextFor('fr');
    expect(fr.locale).toBe('fr');
    const frBody = fr.text('mailBody', { ...values, expires: fr.formatDateTime(at) });
    expect(fr.text('mailSubject', values)).toBe('Reconnectez votre compte Google');
    expect(frBody).toContain('Bonjour,\n\nLa connexion à votre compte Google pat@example.org');
    expect(frBody).toContain('jusqu’au 6 décembre 2026');
    expect(frBody).toContain('https://consentry.example/reconnect/x.y');
    const de = outreachTextFor('de-AT');
    expect(de.text('mailSubject', values)).toBe('Verbinden Sie Ihr Google-Konto erneut');
    expect(de.formatDateTime(at)).toMatch(/^6\. Dezember 2026 um 10:30 UTC$/);
    expect(outreachTextFor('pt-BR').text('mailSubject', values)).toBe('Reconnect your Google account');
    expect(outreachTextFor(undefined).locale).toBe('en');
  });

  it('scopes in words per language, an unknown scope by its name', () => {
    expect(scopeInWords(translatorFor({ 'accept-language': 'es' }), 'events:write')).toBe(
      'Modificar los eventos en los que trabaja',
    );
    expect(scopeInWords(translatorFor({ 'accept-language': 'de' }), 'files:sync')).toBe(
      '„files:sync“ verwenden',
    );
  });
});
