import { describe, expect, it } from 'vitest';
import { type ProviderInput, ProviderSchema } from '../../src/catalog/provider.ts';
import { demoProvider } from '../../src/catalog/providers/demo.ts';
import { CATALOG } from '../../src/catalog/providers/index.ts';
import { QUIRKS } from '../../src/catalog/quirks/index.ts';
import { ProviderRegistry } from '../../src/catalog/registry.ts';
import { validateTemplateValues } from '../../src/catalog/template.ts';
import { isConsentryError } from '../../src/domain/errors.ts';

/** The catalog loads, every entry is valid data, and broken data is refused at load time. */
const registry = new ProviderRegistry(CATALOG);

/** Every provider PROVIDERS.md names (design/PROVIDERS.md), by catalog key. */
const NAMED_IN_PROVIDERS_MD = [
  'google',
  'microsoft',
  'mastodon',
  'github',
  'slack',
  'dropbox',
  'salesforce',
  'zoom',
  'notion',
  'yahoo',
  'apple',
  'gitlab',
  'bitbucket',
  'discord',
  'box',
  'hubspot',
  'atlassian',
  'asana',
  'linkedin',
  'x',
  'facebook',
  'zoho',
  'xero',
  'quickbooks',
  'docusign',
  'spotify',
  'twitch',
  'reddit',
  'okta',
  'auth0',
  'keycloak',
  'oidc',
  'custom',
];

const valid: ProviderInput = {
  key: 'valid',
  displayName: 'Valid',
  protocol: 'oauth2',
  endpoints: { authorization: 'https://{host}/authorize', token: 'https://{host}/token' },
  templates: [
    { name: 'host', label: 'Host', description: 'The host.', pattern: '[a-z.]+', examples: ['a.example'] },
  ],
  scopes: [{ name: 'read', description: 'Read.' }],
  presets: { login: ['read'] },
};

describe('the catalog', () => {
  it('lists at least 40 providers plus oidc and custom, with unique keys', () => {
    const keys = CATALOG.map((p) => p.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toContain('oidc');
    expect(keys).toContain('custom');
    expect(keys.filter((k) => k !== 'oidc' && k !== 'custom').length).toBeGreaterThanOrEqual(40);
  });

  it('has every provider PROVIDERS.md names', () => {
    expect(NAMED_IN_PROVIDERS_MD.filter((k) => !registry.has(k))).toEqual([]);
  });

  for (const entry of [...CATALOG, demoProvider('http://127.0.0.1:3000')]) {
    it(`${entry.key}: valid data, known quirk module, usable templates, presets within its scopes`, () => {
      const parsed = ProviderSchema.safeParse(entry);
      expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
      const p = parsed.data!;
      if (p.quirks) expect(QUIRKS[p.quirks], p.quirks).toBeDefined();
      // Each template field's first example is accepted as typed.
      for (const field of p.templates) {
        expect(field.examples.length, `${field.name} has examples`).toBeGreaterThan(0);
        for (const example of field.examples) {
          const values = Object.fromEntries(p.templates.map((t) => [t.name, t.examples[0]]));
          expect(
            () => validateTemplateValues(p, { ...values, [field.name]: example }),
            example,
          ).not.toThrow();
        }
      }
      const known = new Set(p.scopes.map((s) => s.name));
      for (const [name, scopes] of Object.entries(p.presets)) {
        expect(scopes.length, name).toBeGreaterThan(0);
        for (const s of scopes) expect(known.has(s), `${name}: ${s}`).toBe(true);
      }
      // Administrators need to know where to register and what each scope grants.
      expect(p.docs.registerUrl !== undefined || p.docs.steps.length > 0).toBe(true);
      for (const s of p.scopes) expect(s.description.length).toBeGreaterThan(3);
      expect(['always', 'with_scope', 'with_param', 'never', 'unknown']).toContain(p.refreshToken.issued);
    });
  }

  it('needs a refresh-token parameter where the provider documents one', () => {
    expect(registry.get('google').authorizationParams).toEqual({ access_type: 'offline', prompt: 'consent' });
    expect(registry.get('dropbox').authorizationParams).toEqual({ token_access_type: 'offline' });
    expect(registry.get('reddit').authorizationParams).toEqual({ duration: 'permanent' });
    expect(registry.get('google').refreshToken).toMatchObject({
      issued: 'with_param',
      rotates: false,
      lifetimeDays: 7,
    });
  });

  it('has the mail presets of seed 001 for Google and Microsoft', () => {
    expect(registry.get('google').presets.mail).toContain('https://mail.google.com/');
    expect(registry.get('microsoft').presets.mail).toEqual(
      expect.arrayContaining([
        'offline_access',
        'https://outlook.office365.com/IMAP.AccessAsUser.All',
        'https://outlook.office365.com/SMTP.Send',
      ]),
    );
    expect(registry.get('google').presets.login).toEqual(['openid', 'email', 'profile']);
  });
});

describe('a broken entry is refused when the registry loads it', () => {
  const broken: [string, ProviderInput][] = [
    [
      'an undeclared placeholder',
      { ...valid, endpoints: { ...valid.endpoints, token: 'https://{tenant}/token' } },
    ],
    [
      'no token endpoint without discovery',
      { ...valid, endpoints: { authorization: valid.endpoints!.authorization } },
    ],
    ['discovery without an issuer', { ...valid, discovery: true, endpoints: {} }],
    ['a preset with a scope it does not declare', { ...valid, presets: { mail: ['mail'] } }],
    [
      'a non-http endpoint',
      { ...valid, endpoints: { ...valid.endpoints, authorization: 'javascript:alert(1)' } },
    ],
    ['a key with capitals', { ...valid, key: 'Bad Key' }],
    ['an unknown protocol', { ...valid, protocol: 'saml' as 'oauth2' }],
    ['an unknown client authentication', { ...valid, clientAuth: 'client_secret_jwt' as 'none' }],
    ['an unknown quirk module', { ...valid, quirks: 'nope' }],
    [
      'a template without a pattern',
      { ...valid, templates: [{ name: 'host', label: 'H', description: 'd' } as never] },
    ],
  ];
  for (const [why, entry] of broken) {
    it(why, () => {
      const error = (() => {
        try {
          new ProviderRegistry([entry]);
        } catch (e) {
          return e;
        }
      })();
      expect(isConsentryError(error, 'PROVIDER_INVALID')).toBe(true);
      expect((error as Error).message).toContain(entry.key);
    });
  }

  it('the same entry without the defect loads', () => {
    expect(new ProviderRegistry([valid]).get('valid').templates[0]?.name).toBe('host');
  });

  it('one broken entry among good ones stops the whole catalog from loading', () => {
    expect(() => new ProviderRegistry([...CATALOG, { ...valid, key: 'zzz', endpoints: {} }])).toThrow(/zzz/);
  });
});

describe('template values are checked at registration', () => {
  const refused = (key: string, values: Record<string, string>, field: string) => {
    const p = registry.get(key);
    const e = (() => {
      try {
        validateTemplateValues(p, values);
      } catch (error) {
        return error;
      }
    })();
    expect(isConsentryError(e, 'CLIENT_INVALID'), `${key} ${JSON.stringify(values)}`).toBe(true);
    expect((e as { facts: { field?: string } }).facts.field).toBe(field);
    return e as Error;
  };

  it('Microsoft tenant: common / organizations / consumers / a tenant id / a domain; anything else refused', () => {
    const ms = registry.get('microsoft');
    expect(validateTemplateValues(ms, {})).toEqual({ tenant: 'common' });
    expect(validateTemplateValues(ms, { tenant: ' 72f988bf-86f1-41af-91ab-2d7cd011db47 ' }).tenant).toBe(
      '72f988bf-86f1-41af-91ab-2d7cd011db47',
    );
    expect(refused('microsoft', { tenant: 'common/../evil' }, 'tenant').message).toMatch(/Tenant/);
    refused('microsoft', { tenant: 'evil.example.com' }, 'tenant');
    refused('microsoft', { tenant: '72f988bf-86f1-41af-91ab' }, 'tenant');
  });

  it('Mastodon instance: required; pasted URLs reduced to the https origin; http only on loopback', () => {
    const m = registry.get('mastodon');
    expect(refused('mastodon', {}, 'instance').message).toMatch(/Instance URL/);
    expect(validateTemplateValues(m, { instance: 'Mastodon.Social' }).instance).toBe(
      'https://mastodon.social',
    );
    expect(validateTemplateValues(m, { instance: 'https://fosstodon.org/@alice/123' }).instance).toBe(
      'https://fosstodon.org',
    );
    expect(validateTemplateValues(m, { instance: 'http://mastodon.social' }).instance).toBe(
      'https://mastodon.social',
    );
    expect(validateTemplateValues(m, { instance: 'http://127.0.0.1:4000' }).instance).toBe(
      'http://127.0.0.1:4000',
    );
    refused('mastodon', { instance: 'https://user:pw@mastodon.social' }, 'instance');
    refused('mastodon', { instance: 'ftp://mastodon.social' }, 'instance');
  });

  it('GitLab / Keycloak / Okta / Auth0 instances and domains', () => {
    expect(validateTemplateValues(registry.get('gitlab'), {})).toEqual({ instance: 'https://gitlab.com' });
    expect(
      validateTemplateValues(registry.get('keycloak'), {
        base: 'https://sso.example.com/auth/',
        realm: 'main',
      }),
    ).toEqual({
      base: 'https://sso.example.com/auth',
      realm: 'main',
    });
    refused('keycloak', { base: 'https://sso.example.com' }, 'realm');
    refused('keycloak', { base: 'https://sso.example.com', realm: 'a/b' }, 'realm');
    refused('keycloak', { base: 'https://sso.example.com/?x=1', realm: 'main' }, 'base');
    expect(validateTemplateValues(registry.get('okta'), { domain: 'https://dev-1.okta.com/app' })).toEqual({
      domain: 'dev-1.okta.com',
      auth_server: 'default',
    });
    refused('auth0', { domain: 'localhost' }, 'domain');
  });

  it('Salesforce login host: production, sandbox or a My Domain host; nothing else', () => {
    const sf = registry.get('salesforce');
    expect(validateTemplateValues(sf, {})).toEqual({
      login_host: 'login.salesforce.com',
      session_minutes: '120',
    });
    expect(
      validateTemplateValues(sf, { login_host: 'https://acme--uat.sandbox.my.salesforce.com/' }).login_host,
    ).toBe('acme--uat.sandbox.my.salesforce.com');
    refused('salesforce', { login_host: 'salesforce.com.evil.example' }, 'login_host');
    refused('salesforce', { login_host: 'login.salesforce.com', session_minutes: '0' }, 'session_minutes');
  });

  it('Zoho data center: one of the documented domains', () => {
    expect(validateTemplateValues(registry.get('zoho'), { dc: 'com.au' })).toEqual({ dc: 'com.au' });
    refused('zoho', { dc: 'de' }, 'dc');
    refused('zoho', { dc: 'com/evil' }, 'dc');
  });

  it('custom endpoints: https URLs (http only on loopback), optional ones may be left empty', () => {
    const c = registry.get('custom');
    const base = { authorization_url: 'https://a.example/authorize', token_url: 'https://a.example/token' };
    expect(validateTemplateValues(c, base)).toEqual({
      ...base,
      client_auth: 'client_secret_basic',
      scope_separator: 'space',
      pkce: 'yes',
    });
    refused('custom', { ...base, token_url: 'http://a.example/token' }, 'token_url');
    refused('custom', { ...base, token_url: 'https://a.example/token#x' }, 'token_url');
    refused('custom', { authorization_url: base.authorization_url }, 'token_url');
    refused('custom', { ...base, client_auth: 'tls_client_auth' }, 'client_auth');
    expect(validateTemplateValues(c, { ...base, token_url: 'http://localhost:8080/token' }).token_url).toBe(
      'http://localhost:8080/token',
    );
  });
});
