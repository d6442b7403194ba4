import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'procore',
  displayName: 'Procore',
  categories: ['erp'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://login.procore.com/oauth/authorize',
    token: 'https://login.procore.com/oauth/token',
    revocation: 'https://login.procore.com/oauth/revoke',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  refreshToken: {
    issued: 'always',
    rotates: true,
    notes: 'Access tokens last 90 minutes; each refresh returns a new refresh token.',
  },
  docs: {
    registerUrl: 'https://developers.procore.com/documentation/oauth-introduction',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh behaviour as the provider documented it at the time of writing; not re-checked here.',
  ],
});
