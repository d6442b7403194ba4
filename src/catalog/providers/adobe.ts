import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'adobe',
  displayName: 'Adobe',
  categories: ['design'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://ims-na1.adobelogin.com/ims/authorize/v2',
    token: 'https://ims-na1.adobelogin.com/ims/token/v3',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  refreshToken: {
    issued: 'with_scope',
    rotates: 'unknown',
    lifetimeDays: 14,
    notes: 'Needs offline_access. Access tokens last 24 hours; refresh tokens 14 days.',
  },
  scopes: [
    { name: 'openid', description: 'Sign in (OpenID Connect).' },
    { name: 'AdobeID', description: 'The Adobe ID (required).' },
    { name: 'offline_access', description: 'A refresh token.' },
    { name: 'email', description: 'The user’s email address.' },
    { name: 'profile', description: 'The user’s profile.' },
  ],
  docs: {
    registerUrl:
      'https://developer.adobe.com/developer-console/docs/guides/authentication/UserAuthentication/',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh behaviour as the provider documented it at the time of writing; not re-checked here.',
  ],
});
