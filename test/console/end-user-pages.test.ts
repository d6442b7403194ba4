import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CookieJar, request } from '../support/browserless.ts';
import { startConsentry, type TestConsentry } from '../support/consentry.ts';

/**
 * Pages an end user sees (not the console): the `consentry connect` landing and the callback's
 * error pages, in the language of `Accept-Language`; and the console sign-in page's buttons, which
 * name the provider (two clients both called "Mail" must not give two identical buttons).
 */
describe('end-user pages', () => {
  let t: TestConsentry;
  beforeAll(async () => {
    t = await startConsentry();
  });
  afterAll(() => t?.close());

  const get = (path: string, lang?: string) =>
    request(new CookieJar(), `${t.baseUrl}${path}`, lang ? { headers: { 'accept-language': lang } } : {});

  it('the connect landing says it is done and that the tab can be closed, in the user’s language', async () => {
    const cases: [string | undefined, string, string][] = [
      [undefined, 'en', 'You can close this tab.'],
      ['fr-FR,fr;q=0.9', 'fr', 'Vous pouvez fermer cet onglet.'],
      ['de', 'de', 'Sie können diesen Tab schließen.'],
      ['es-419,es;q=0.8', 'es', 'Puede cerrar esta pestaña.'],
      ['ja', 'en', 'You can close this tab.'],
    ];
    for (const [lang, locale, sentence] of cases) {
      const res = await get('/connect/done?oauth=connected', lang);
      expect(res.status).toBe(200);
      const body = await res.text();
      expect(body).toContain(`<html lang="${locale}">`);
      expect(body).toContain(sentence);
      expect(body).toContain('data-outcome="connected"');
      expect(body).not.toContain('/sign-in'); // no way into the console from here
    }
  });

  it('a cancelled flow names the provider’s error code, escaped, and nothing else', async () => {
    const res = await get('/connect/done?oauth=cancelled&oauth_error=server_error', 'de');
    const body = await res.text();
    expect(body).toContain('Nicht verbunden');
    expect(body).toContain('server_error');
    const hostile = await (await get('/connect/done?oauth=cancelled&oauth_error=%3Cscript%3Ex')).text();
    expect(hostile).not.toContain('<script>x');
  });

  it('callback errors are shown in the user’s language with the code, never the console chrome', async () => {
    const res = await get('/oauth/callback?state=unknown-state&code=abc', 'de-CH, de;q=0.9');
    expect(res.status).toBe(400);
    const body = await res.text();
    expect(body).toContain('<html lang="de">');
    expect(body).toContain('Dieser Anmeldelink ist unbekannt');
    expect(body).toContain('FLOW_UNKNOWN');
    const en = await (await get('/oauth/callback?state=unknown-state&code=abc')).text();
    expect(en).toContain('This sign-in link is unknown');
  });

  it('sign-in buttons are labelled by provider, with the client name only when a provider has two', async () => {
    for (const [providerKey, name, tenant] of [
      ['google', 'Mail', undefined],
      ['microsoft', 'Mail', 'common'],
      ['microsoft', 'Staff', 'common'],
    ] as const) {
      await t.app.store.clients.create({
        providerKey,
        name,
        clientId: `${providerKey}-${name}`,
        clientSecret: 'secret',
        ...(tenant ? { templateValues: { tenant } } : {}),
      } as Parameters<typeof t.app.store.clients.create>[0]);
    }
    const labels = (await t.app.features.signin.options()).map((o) => o.label);
    expect(labels).toContain('Google');
    expect(labels.filter((l) => l.startsWith('Microsoft'))).toHaveLength(2);
    expect(new Set(labels).size).toBe(labels.length);
    expect(labels.some((l) => l === 'Mail')).toBe(false);
  });

  it('every page links a favicon that exists', async () => {
    const res = await get('/favicon.ico');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/image\/svg\+xml/);
    expect(await (await get('/connect/done?oauth=connected')).text()).toContain('rel="icon"');
  });
});
