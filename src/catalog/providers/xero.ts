import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'xero',
  displayName: 'Xero',
  categories: ['accounting'],
  protocol: 'oidc',
  grants: ['authorization_code', 'client_credentials'],
  clientCredentials: {
    notes:
      'Custom connections only (one organisation per app, a paid Xero feature); the scopes are those chosen on the connection.',
  },
  issuer: 'https://identity.xero.com',
  endpoints: {
    authorization: 'https://login.xero.com/identity/connect/authorize',
    token: 'https://identity.xero.com/connect/token',
    revocation: 'https://identity.xero.com/connect/revocation',
    userinfo: 'https://identity.xero.com/connect/userinfo',
    jwks: 'https://identity.xero.com/.well-known/openid-configuration/jwks',
  },
  clientAuth: 'client_secret_basic',
  pkce: true,
  refreshToken: {
    issued: 'with_scope',
    rotates: true,
    lifetimeDays: 60,
    notes: 'Needs offline_access. Access tokens last 30 minutes; each refresh returns a new refresh token.',
  },
  // Documented error answers of the token endpoint (issue 11): what each one means.
  errors: [
    {
      when: {
        error: 'invalid_grant',
      },
      outcome: 'grant_dead',
      cause: 'revoked',
      stage: 'refresh',
      docs: 'https://developer.xero.com/documentation/guides/oauth2/troubleshooting',
      example: {
        status: 400,
        body: {
          error: 'invalid_grant',
        },
      },
    },
    {
      when: {
        error: 'unauthorized_client',
      },
      outcome: 'client_invalid',
      cause: 'client_invalid',
      docs: 'https://developer.xero.com/documentation/guides/oauth2/troubleshooting',
      example: {
        status: 400,
        body: {
          error: 'unauthorized_client',
          error_description: 'Unknown client or client not enabled',
        },
      },
    },
    {
      when: {
        status: [429],
      },
      outcome: 'transient',
      cause: 'rate_limited',
      docs: 'https://developer.xero.com/documentation/guides/oauth2/limits',
      example: {
        status: 429,
        body: {
          Title: 'Too Many Requests',
          Detail: 'Rate limit exceeded',
        },
        headers: {
          'retry-after': '60',
        },
      },
    },
  ],
  scopes: [
    { name: 'openid', description: 'Sign in.' },
    { name: 'email', description: 'Email address.' },
    { name: 'profile', description: 'Name.' },
    { name: 'offline_access', description: 'A refresh token.' },
    { name: 'accounting.transactions', description: 'Invoices, payments and other transactions.' },
    { name: 'accounting.contacts', description: 'Contacts.' },
  ],
  presets: { login: ['openid', 'email', 'profile'] },
  docs: { registerUrl: 'https://developer.xero.com/app/manage' },
  uncertain: [
    'Client credentials: the token request is taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
  ],
});
