import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AuthFixture, authFixture } from '../authserver/fixture.ts';
import { authorizeUrl, pkce, staffer } from '../authserver/user-flow.ts';
import { csrfFrom } from '../console/support/console-client.ts';
import { CookieJar, request } from '../support/browserless.ts';

/**
 * Issue 15, deliverable 7: the provider role's consent and device pages and the reconnect-outreach
 * pages are in the language of `Accept-Language` (French, German; English for a language we do
 * not have), with the matching `lang` attribute; the console's own chrome stays English.
 */
let f: AuthFixture;
let app: { clientId: string };
let tv: { clientId: string };
let ada: Awaited<ReturnType<typeof staffer>>;
let outreachUrl: string;

beforeAll(async () => {
  f = await authFixture();
  app = await f.createApp({
    name: 'Staff app',
    clientType: 'public',
    redirectUris: ['http://127.0.0.1/cb'],
    scopes: ['participants:read', 'events:write'],
  });
  tv = await f.createApp({ name: 'Door scanner', clientType: 'public' });
  ada = await staffer(f, 'ada@example.org');
  // A connection whose end user gets a reconnect link (handed over, not mailed).
  const store = f.consentry.app.store;
  const client = await store.clients.create({
    providerKey: 'google',
    name: 'Calendar',
    clientId: 'cal.apps.googleusercontent.com',
    clientSecret: 'cal-secret',
  });
  const now = new Date();
  const connection = await store.connections.insert(
    {
      clientRef: client.id,
      providerKey: 'google',
      purpose: 'console',
      payload: {},
      account: 'pat@example.org',
      subject: 'sub-pat',
      issuer: 'https://accounts.google.com',
      accessToken: 'at-pat',
      refreshToken: 'rt-pat',
      tokenType: 'bearer',
      scopes: ['openid', 'email'],
      expiresAt: new Date(now.getTime() + 3600_000),
    },
    now,
  );
  outreachUrl = (await f.consentry.app.outreach.send(connection.id)).url;
}, 90_000);
afterAll(() => f?.close());

const langOf = (page: string) => /<html lang="([a-z-]+)">/.exec(page)?.[1];

const CASES = [
  { header: 'fr-FR,fr;q=0.9,en;q=0.5', lang: 'fr' },
  { header: 'de-DE', lang: 'de' },
  { header: 'ja, zh;q=0.9', lang: 'en' },
] as const;

describe('the consent page', () => {
  const EXPECTED = {
    fr: [
      'Autoriser l’accès ?',
      'Staff app (de Acme) souhaite utiliser votre compte.',
      'Voir les participants',
      '>Autoriser</button>',
      '>Refuser</button>',
    ],
    de: [
      'Zugriff erlauben?',
      'Staff app (von Acme) möchte Ihr Konto verwenden.',
      'Die Teilnehmer der Veranstaltungen sehen',
      '>Erlauben</button>',
      '>Ablehnen</button>',
    ],
    en: [
      'Allow access?',
      'Staff app (by Acme) wants to use your account.',
      'See the participants',
      '>Allow</button>',
      '>Deny</button>',
    ],
  };
  for (const { header, lang } of CASES) {
    it(`is in ${lang} for Accept-Language: ${header}`, async () => {
      const res = await request(
        ada.jar,
        authorizeUrl(f, {
          response_type: 'code',
          client_id: app.clientId,
          redirect_uri: 'http://127.0.0.1:53123/cb',
          scope: 'participants:read',
          state: 'st',
          code_challenge: pkce().challenge,
          code_challenge_method: 'S256',
        }),
        { headers: { 'accept-language': header } },
      );
      expect(res.status).toBe(200);
      const page = await res.text();
      expect(langOf(page)).toBe(lang);
      for (const text of EXPECTED[lang]) expect(page).toContain(text);
    });
  }

  it('the authorization endpoint’s error page is translated too (the RFC description stays English)', async () => {
    const res = await request(ada.jar, authorizeUrl(f, { response_type: 'code', client_id: 'nobody' }), {
      headers: { 'accept-language': 'de' },
    });
    expect(res.status).toBe(400);
    const page = await res.text();
    expect(langOf(page)).toBe('de');
    expect(page).toContain('Diese Anmeldeanfrage kann nicht abgeschlossen werden');
    expect(page).toContain('Fehlercode: invalid_client');
  });
});

describe('the device pages', () => {
  const EXPECTED = {
    fr: {
      entry: ['Connecter un appareil', 'Saisissez le code affiché sur votre appareil.'],
      confirm: 'Vérifiez que votre appareil affiche le code',
      done: 'C’est fait. Vous pouvez revenir à votre appareil.',
    },
    de: {
      entry: ['Gerät verbinden', 'Geben Sie den Code ein'],
      confirm: 'Prüfen Sie, ob Ihr Gerät den Code',
      done: 'Erledigt. Sie können zu Ihrem Gerät zurückkehren.',
    },
    en: {
      entry: ['Connect a device', 'Type the code shown on your device.'],
      confirm: 'Check that your device shows the code',
      done: 'Done. You can return to your device.',
    },
  };
  for (const { header, lang } of CASES) {
    it(`code entry, confirmation and outcome are in ${lang} for Accept-Language: ${header}`, async () => {
      const headers = { 'accept-language': header };
      const started = await fetch(`${f.baseUrl}/oauth2-device-authorization`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ client_id: tv.clientId, scope: 'participants:read' }),
      });
      const { user_code } = (await started.json()) as { user_code: string };
      const entry = await (await request(ada.jar, `${f.baseUrl}/device`, { headers })).text();
      expect(langOf(entry)).toBe(lang);
      for (const text of EXPECTED[lang].entry) expect(entry).toContain(text);

      const shown = await request(ada.jar, `${f.baseUrl}/device`, {
        method: 'POST',
        headers,
        body: new URLSearchParams({ _csrf: csrfFrom(entry), user_code }),
      });
      const confirm = await shown.text();
      expect(shown.status).toBe(200);
      expect(langOf(confirm)).toBe(lang);
      expect(confirm).toContain(`${EXPECTED[lang].confirm} ${user_code}`);

      const done = await request(ada.jar, `${f.baseUrl}/device/decision`, {
        method: 'POST',
        headers,
        body: new URLSearchParams({ _csrf: csrfFrom(confirm), user_code, decision: 'allow' }),
      });
      const page = await done.text();
      expect(langOf(page)).toBe(lang);
      expect(page).toContain(EXPECTED[lang].done);
    });
  }

  it('a wrong code is refused in the user’s language', async () => {
    const headers = { 'accept-language': 'fr' };
    const entry = await (await request(ada.jar, `${f.baseUrl}/device`, { headers })).text();
    const res = await request(ada.jar, `${f.baseUrl}/device`, {
      method: 'POST',
      headers,
      body: new URLSearchParams({ _csrf: csrfFrom(entry), user_code: 'ZZZZ-ZZZZ' }),
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('Ce code est inconnu, expiré ou déjà utilisé.');
  });
});

describe('the “Authorized apps” page', () => {
  it('is in the user’s language while the console’s navigation stays English', async () => {
    const res = await request(ada.jar, `${f.baseUrl}/authorized-apps`, {
      headers: { 'accept-language': 'de' },
    });
    const page = await res.text();
    expect(langOf(page)).toBe('de');
    expect(page).toContain('<h1>Autorisierte Apps</h1>');
    expect(page).toContain('Anwendungen, denen Sie erlaubt haben, in Ihrem Namen zu handeln.');
    expect(page).toContain('<nav aria-label="Console" lang="en">');
    expect(page).toContain('>Authorized apps</a>');
  });
});

describe('the reconnect-outreach pages', () => {
  const EXPECTED = {
    fr: [
      'Reconnectez votre compte Google',
      'La connexion à pat@example.org ne fonctionne plus.',
      'Continuer vers Google',
      'Ce lien ne sert qu’une fois, jusqu’au',
    ],
    de: [
      'Verbinden Sie Ihr Google-Konto erneut',
      'Die Verbindung zu pat@example.org funktioniert nicht mehr.',
      'Weiter zu Google',
      'Dieser Link gilt einmal, bis',
    ],
    en: [
      'Reconnect your Google account',
      'The connection to pat@example.org stopped working.',
      'Continue to Google',
      'This link works once, until',
    ],
  };
  for (const { header, lang } of CASES) {
    it(`the landing page, a bad link and the outcome are in ${lang} for Accept-Language: ${header}`, async () => {
      const headers = { 'accept-language': header };
      const res = await request(new CookieJar(), outreachUrl, { headers });
      expect(res.status).toBe(200);
      const page = await res.text();
      expect(langOf(page)).toBe(lang);
      for (const text of EXPECTED[lang]) expect(page).toContain(text);

      const bad = await request(new CookieJar(), `${outreachUrl.slice(0, -3)}AAA`, { headers });
      expect(bad.status).toBe(410);
      const badPage = await bad.text();
      expect(langOf(badPage)).toBe(lang);
      expect(badPage).toContain(
        {
          fr: 'Ce lien n’est pas utilisable',
          de: 'Dieser Link kann nicht verwendet werden',
          en: 'This link cannot be used',
        }[lang],
      );

      const done = await (
        await request(new CookieJar(), `${f.baseUrl}/reconnect/done?oauth=cancelled`, { headers })
      ).text();
      expect(langOf(done)).toBe(lang);
      expect(done).toContain(
        {
          fr: 'La reconnexion a été annulée. Rien n’a changé.',
          de: 'Das erneute Verbinden wurde abgebrochen.',
          en: 'The reconnect was cancelled. Nothing changed.',
        }[lang],
      );
    });
  }
});
