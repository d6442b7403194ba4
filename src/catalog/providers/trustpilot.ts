import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'trustpilot',
  displayName: 'Trustpilot',
  categories: ['marketing', 'surveys'],
  protocol: 'oauth2',
  grants: ['authorization_code', 'client_credentials'],
  clientCredentials: {},
  endpoints: {
    authorization: 'https://authenticate.trustpilot.com/',
    token: 'https://api.trustpilot.com/v1/oauth/oauth-business-users-for-applications/accesstoken',
    refresh: 'https://api.trustpilot.com/v1/oauth/oauth-business-users-for-applications/refresh',
  },
  clientAuth: 'client_secret_basic',
  pkce: false,
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://developers.trustpilot.com/authentication',
  },
  uncertain: [
    'Client credentials: the token request is taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
