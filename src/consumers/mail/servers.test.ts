import { describe, expect, it } from 'vitest';
import { isConsentryError } from '../../domain/errors.ts';
import { assertMailServer, MAIL_SERVER_DEFAULTS, serverFromUrl } from './servers.ts';

describe('mail server settings', () => {
  it('knows Google and Microsoft 365 (so choosing the provider needs no server settings)', () => {
    expect(MAIL_SERVER_DEFAULTS.google).toMatchObject({
      imap: { host: 'imap.gmail.com', port: 993, security: 'tls' },
      smtp: { host: 'smtp.gmail.com', port: 465, security: 'tls' },
      smtpAlternatives: [{ host: 'smtp.gmail.com', port: 587, security: 'starttls' }],
    });
    expect(MAIL_SERVER_DEFAULTS.microsoft).toMatchObject({
      imap: { host: 'outlook.office365.com', port: 993, security: 'tls' },
      smtp: { host: 'smtp.office365.com', port: 587, security: 'starttls' },
    });
  });

  it('parses server URLs with the right default ports and security', () => {
    expect(serverFromUrl('imaps://mail.example.org', 'imap')).toEqual({
      host: 'mail.example.org',
      port: 993,
      security: 'tls',
    });
    expect(serverFromUrl('imap://127.0.0.1:1143', 'imap')).toEqual({
      host: '127.0.0.1',
      port: 1143,
      security: 'none',
    });
    expect(serverFromUrl('smtp+starttls://mail.example.org', 'smtp')).toEqual({
      host: 'mail.example.org',
      port: 587,
      security: 'starttls',
    });
    expect(serverFromUrl('smtps://mail.example.org', 'smtp')).toEqual({
      host: 'mail.example.org',
      port: 465,
      security: 'tls',
    });
    for (const bad of ['http://x', 'not a url', 'smtps://mail.example.org']) {
      expect(() => serverFromUrl(bad, 'imap')).toThrow(/IMAP server URL/);
    }
  });

  it('refuses clear text off loopback, bad ports and bad hosts', () => {
    expect(assertMailServer({ host: 'localhost', port: 2525, security: 'none' }, 'SMTP').host).toBe(
      'localhost',
    );
    const refused = [
      { host: 'smtp.example.org', port: 25, security: 'none' as const },
      { host: 'smtp.example.org', port: 0, security: 'tls' as const },
      { host: 'smtp.example.org', port: 70000, security: 'tls' as const },
      { host: 'smtp example.org', port: 465, security: 'tls' as const },
      { host: 'smtp.example.org', port: 465, security: 'ssl' as unknown as 'tls' },
    ];
    for (const s of refused) {
      let error: unknown;
      try {
        assertMailServer(s, 'SMTP');
      } catch (e) {
        error = e;
      }
      expect(isConsentryError(error, 'MAIL_SETTINGS_INVALID'), JSON.stringify(s)).toBe(true);
    }
  });
});
