import { describe, expect, it } from 'vitest';
import { ReconnectOutreach } from '../../src/core/reconnect-outreach.ts';
import type { Connection } from '../../src/domain/connection.ts';
import { outreachTextFor } from '../../src/http/i18n/i18n.ts';

/**
 * Issue 15: the reconnect email is written in the end user's language — the consumer's
 * `reconnectOutreach.language(connection)` (or `send(..., { language })`) — from the i18n data
 * files the composition root hands the core; English when the language is unknown.
 */
function outreachWith(language: string | undefined) {
  const mails: { to: string; subject: string; text: string }[] = [];
  const connection = {
    id: 'c1',
    clientRef: 'cl1',
    providerKey: 'google',
    purpose: 'calendar_sync',
    payload: {},
    account: 'pat@example.org',
    scopes: [],
    status: 'needs_reauth',
  } as unknown as Connection;
  const outreach = new ReconnectOutreach({
    repository: {
      create: async () => {},
      get: async () => undefined,
      markSent: async () => {},
      use: async () => false,
      complete: async () => 0,
      list: async () => [],
    },
    connections: { get: async (id: string) => (id === 'c1' ? connection : undefined) },
    client: { beginConsent: async () => 'https://provider.example/authorize' },
    consumers: {
      has: (p) => p === 'calendar_sync',
      get: () => ({
        purpose: 'calendar_sync',
        onTokenGranted: () => '/',
        reconnectOutreach: { recipient: () => 'pat@example.org', language: () => language },
      }),
    },
    providerName: () => 'Google',
    publicBaseUrl: 'https://consentry.example',
    keys: [Buffer.alloc(32, 1)],
    mailer: async (m) => {
      mails.push(m);
    },
    emit: () => {},
    text: outreachTextFor,
    now: () => new Date('2026-12-01T08:00:00Z'),
  });
  return { outreach, mails };
}

describe('reconnect email language', () => {
  for (const [language, subject, phrase] of [
    ['fr-CA', 'Reconnectez votre compte Google', 'jusqu’au 8 décembre 2026'],
    ['de', 'Verbinden Sie Ihr Google-Konto erneut', 'bis 8. Dezember 2026'],
    ['es', 'Vuelva a conectar su cuenta de Google', 'hasta el 8 de diciembre de 2026'],
    ['ja', 'Reconnect your Google account', 'until December 8, 2026'],
    [undefined, 'Reconnect your Google account', 'until December 8, 2026'],
  ] as const) {
    it(`language ${language ?? '(none)'}: the consumer's choice decides the email's language`, async () => {
      const { outreach, mails } = outreachWith(language);
      await outreach.onConnectionEvent({
        type: 'needs_reauth',
        connectionId: 'c1',
        purpose: 'calendar_sync',
      } as Parameters<ReconnectOutreach['onConnectionEvent']>[0]);
      expect(mails).toHaveLength(1);
      expect(mails[0]!.subject).toBe(subject);
      expect(mails[0]!.text).toContain(phrase);
      expect(mails[0]!.text).toContain('pat@example.org');
      expect(mails[0]!.text).toMatch(/https:\/\/consentry\.example\/reconnect\/[\w-]{43}\.[\w-]{43}/);
    });
  }

  it('send() takes the language directly (the console and API send in English by default)', async () => {
    const { outreach, mails } = outreachWith(undefined);
    await outreach.send('c1', { email: 'pat@example.org', language: 'de-CH' });
    await outreach.send('c1', { email: 'pat@example.org' });
    expect(mails.map((m) => m.subject)).toEqual([
      'Verbinden Sie Ihr Google-Konto erneut',
      'Reconnect your Google account',
    ]);
  });
});
