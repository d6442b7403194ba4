import { defineProvider } from '../provider.ts';
import { OIDC_SCOPES } from './oidc-scopes.ts';

export default defineProvider({
  key: 'auth0',
  displayName: 'Auth0',
  categories: ['iam'],
  protocol: 'oidc',
  grants: ['authorization_code', 'client_credentials'],
  clientCredentials: {
    tokenParams: { audience: '{audience}', organization: '{organization}' },
    notes:
      'Machine-to-machine applications: the audience names the API the token is for (empty = the tenant’s default audience).',
  },
  // Auth0's issuer identifier ends with a slash.
  issuer: 'https://{domain}/',
  endpoints: {
    authorization: 'https://{domain}/authorize',
    token: 'https://{domain}/oauth/token',
    revocation: 'https://{domain}/oauth/revoke',
    userinfo: 'https://{domain}/userinfo',
    jwks: 'https://{domain}/.well-known/jwks.json',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  templates: [
    {
      name: 'audience',
      label: 'API audience (client credentials)',
      description:
        'For machine-to-machine tokens: the identifier of the Auth0 API the token is for. Leave empty for user sign-in clients or to use the tenant’s default audience.',
      pattern: '[!-~]{1,300}',
      examples: ['https://api.example.com'],
      optional: true,
    },
    {
      name: 'organization',
      label: 'Organization (client credentials)',
      description:
        'For machine-to-machine tokens issued for one Auth0 Organization: its id (org_…). Usually empty.',
      pattern: 'org_[A-Za-z0-9]+',
      examples: ['org_W30s7jvWPO3LM6Ke'],
      optional: true,
    },
    {
      name: 'domain',
      label: 'Domain',
      description: 'Your Auth0 tenant domain or custom domain.',
      pattern: '[a-z0-9-]+(\\.[a-z0-9-]+)+',
      examples: ['example.eu.auth0.com', 'login.example.com'],
      kind: 'host',
    },
  ],
  refreshToken: {
    issued: 'with_scope',
    rotates: 'unknown',
    notes:
      'Needs offline_access and “Allow Offline Access” on the API; rotation is a per-application setting.',
  },
  scopes: OIDC_SCOPES,
  presets: { login: ['openid', 'email', 'profile'] },
  docs: { registerUrl: 'https://manage.auth0.com/#/applications' },
  uncertain: [
    'Client credentials: the token request is taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
  ],
});
