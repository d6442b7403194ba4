import { describe, expect, it } from 'vitest';
import type { ClientLike } from '../../src/catalog/api.ts';
import {
  listProviders,
  prepareClientRegistration,
  providerDetails,
  redirectUriWarning,
  registrationGuide,
  scopesFor,
} from '../../src/catalog/api.ts';
import { CATALOG } from '../../src/catalog/providers/index.ts';
import { ProviderRegistry } from '../../src/catalog/registry.ts';
import { isConsentryError } from '../../src/domain/errors.ts';

/** The catalog API the admin console and the CLI call. */
const registry = new ProviderRegistry(CATALOG);
const REDIRECT = 'https://crm.example.com/oauth/callback';
const clients: ClientLike[] = [
  { id: 'c1', providerKey: 'google', name: 'Google mail', clientId: 'g-id', templateValues: {} },
  {
    id: 'c2',
    providerKey: 'microsoft',
    name: 'M365',
    clientId: 'm-id',
    templateValues: { tenant: 'organizations' },
  },
  {
    id: 'c3',
    providerKey: 'microsoft',
    name: 'M365 B',
    clientId: 'm2',
    templateValues: { tenant: 'common' },
  },
];

async function rejection(p: Promise<unknown>) {
  return p.then(
    () => undefined,
    (e: unknown) => e,
  );
}

describe('listProviders', () => {
  it('lists every provider with configured / not configured from the registered clients', () => {
    const list = listProviders(registry, clients, REDIRECT);
    expect(list).toHaveLength(CATALOG.length);
    const byKey = new Map(list.map((p) => [p.key, p]));
    expect(byKey.get('google')).toMatchObject({ configured: true, clientCount: 1, displayName: 'Google' });
    expect(byKey.get('microsoft')).toMatchObject({ configured: true, clientCount: 2, needs: ['Tenant'] });
    expect(byKey.get('github')).toMatchObject({ configured: false, clientCount: 0 });
    expect(byKey.get('mastodon')).toMatchObject({ registersItself: true, needs: ['Instance URL'] });
    expect(byKey.get('google')?.presets).toEqual(['login', 'mail', 'calendar', 'files']);
    expect(byKey.get('notion')?.hasUncertainFacts).toBe(true);
    expect(list.filter((p) => p.configured).map((p) => p.key)).toEqual(['google', 'microsoft']);
  });
});

describe('registrationGuide: what to paste where', () => {
  it('Google Cloud: the redirect URL, the mail scopes, and the console steps', () => {
    const g = registrationGuide(registry, clients, REDIRECT, 'google');
    expect(g.redirectUri).toBe(REDIRECT);
    expect(g.redirectUriWarning).toBeUndefined();
    expect(g.registerUrl).toBe('https://console.cloud.google.com/apis/credentials');
    expect(g.steps.join('\n')).toMatch(/Authorized redirect URIs/);
    expect(g.scopesToPaste.find((s) => s.preset === 'mail')).toEqual({
      preset: 'mail',
      scopes: ['openid', 'email', 'https://mail.google.com/'],
      text: 'openid email https://mail.google.com/',
    });
    expect(g.fields.map((f) => [f.name, f.required, f.secret])).toEqual([
      ['client_id', true, false],
      ['client_secret', true, true],
      ['publishing_status', false, false],
    ]);
    expect(g.fields.find((f) => f.name === 'publishing_status')?.default).toBe('production');
    expect(g.notes.join(' ')).toMatch(/7 days/);
  });

  it('Azure app registrations: tenant field and the IMAP/SMTP permissions', () => {
    const m = registrationGuide(registry, clients, REDIRECT, 'microsoft');
    expect(m.steps.join('\n')).toMatch(/App registrations/);
    expect(m.fields.find((f) => f.name === 'tenant')).toMatchObject({ required: false, default: 'common' });
    expect(m.scopesToPaste.find((s) => s.preset === 'mail')?.scopes).toContain(
      'https://outlook.office365.com/SMTP.Send',
    );
  });

  it('Mastodon: no client id or secret to copy, only the instance', () => {
    const m = registrationGuide(registry, clients, REDIRECT, 'mastodon');
    expect(m.fields.find((f) => f.name === 'client_id')?.required).toBe(false);
    expect(m.fields.find((f) => f.name === 'client_secret')?.required).toBe(false);
    expect(m.fields.find((f) => f.name === 'instance')?.required).toBe(true);
    expect(m.steps.join('\n')).toMatch(/api\/v1\/apps/);
  });

  it('providers without their own steps get generic ones naming their console; comma scopes stay comma-joined', () => {
    const s = registrationGuide(registry, [], REDIRECT, 'zoho');
    expect(s.steps[0]).toContain('https://api-console.zoho.com/');
    expect(s.scopesToPaste.find((p) => p.preset === 'calendar')?.text).toBe('ZohoCalendar.calendar.ALL');
  });

  it('warns when the redirect URL is neither https nor loopback (seed 000)', () => {
    expect(
      registrationGuide(registry, [], 'http://crm.example.com/oauth/callback', 'google').redirectUriWarning,
    ).toMatch(/not HTTPS/);
    expect(redirectUriWarning('http://localhost:3000/oauth/callback')).toBeUndefined();
    expect(redirectUriWarning('http://127.0.0.1:3000/oauth/callback')).toBeUndefined();
  });
});

describe('providerDetails', () => {
  it('returns the data, the clients registered for it and the registration guide', () => {
    const d = providerDetails(registry, clients, REDIRECT, 'microsoft');
    expect(d.endpoints.token).toBe('https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token');
    expect(d.clients.map((c) => c.id)).toEqual(['c2', 'c3']);
    expect(d.refreshToken).toMatchObject({ issued: 'with_scope', rotates: true, lifetimeDays: 90 });
    expect(d.registration.redirectUri).toBe(REDIRECT);
    expect(d.scopes.find((s) => s.name === 'offline_access')?.description).toMatch(/refresh token/);
    // A copy: callers cannot change the catalog through it.
    d.presetScopes.mail?.push('x');
    expect(registry.get('microsoft').presets.mail).not.toContain('x');
  });

  it('an unknown provider is PROVIDER_UNKNOWN', () => {
    expect(() => providerDetails(registry, [], REDIRECT, 'nope')).toThrow(
      expect.objectContaining({ code: 'PROVIDER_UNKNOWN' }),
    );
  });
});

describe('scopesFor', () => {
  it('resolves presets and checks explicit scopes against the catalog', () => {
    expect(scopesFor(registry, 'google', { preset: 'mail' })).toEqual([
      'openid',
      'email',
      'https://mail.google.com/',
    ]);
    expect(() => scopesFor(registry, 'github', { preset: 'mail' })).toThrow(
      expect.objectContaining({ code: 'SCOPES_INVALID' }),
    );
    expect(() => scopesFor(registry, 'google', { scopes: ['openid', 'admin'] })).toThrow(/admin/);
    // Providers without a scope list (custom) take what the consumer asks for.
    expect(scopesFor(registry, 'custom', { scopes: ['anything'] })).toEqual(['anything']);
  });
});

describe('prepareClientRegistration', () => {
  it('normalises template values and keeps the secret for sealing', async () => {
    const c = await prepareClientRegistration(registry, {
      providerKey: 'microsoft',
      clientId: ' m-id ',
      clientSecret: 's3cret',
      templateValues: { tenant: 'organizations' },
    });
    expect(c).toEqual({
      providerKey: 'microsoft',
      name: 'Microsoft Entra ID (Microsoft 365)',
      clientId: 'm-id',
      clientSecret: 's3cret',
      templateValues: { tenant: 'organizations' },
    });
  });

  it('refuses a missing client id, a missing secret or a malformed template value, naming the field', async () => {
    const noId = await rejection(
      prepareClientRegistration(registry, { providerKey: 'google', clientSecret: 's' }),
    );
    expect(noId).toMatchObject({ code: 'CLIENT_INVALID', facts: { field: 'client_id' } });
    const noSecret = await rejection(
      prepareClientRegistration(registry, { providerKey: 'google', clientId: 'x' }),
    );
    expect(noSecret).toMatchObject({ code: 'CLIENT_INVALID', facts: { field: 'client_secret' } });
    const badTenant = await rejection(
      prepareClientRegistration(registry, {
        providerKey: 'microsoft',
        clientId: 'x',
        clientSecret: 's',
        templateValues: { tenant: 'evil/../x' },
      }),
    );
    expect(badTenant).toMatchObject({ code: 'CLIENT_INVALID', facts: { field: 'tenant' } });
    const spaces = await rejection(
      prepareClientRegistration(registry, { providerKey: 'google', clientId: 'a b', clientSecret: 's' }),
    );
    expect(isConsentryError(spaces, 'CLIENT_INVALID')).toBe(true);
  });

  it('a custom server with client authentication “none” needs no secret', async () => {
    const c = await prepareClientRegistration(registry, {
      providerKey: 'custom',
      clientId: 'public-app',
      templateValues: {
        authorization_url: 'https://a.example/authorize',
        token_url: 'https://a.example/token',
        client_auth: 'none',
      },
    });
    expect(c.clientSecret).toBeUndefined();
  });
});
