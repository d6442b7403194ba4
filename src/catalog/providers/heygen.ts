import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'heygen',
  displayName: 'HeyGen',
  categories: ['video'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://app.heygen.com/oauth/authorize',
    token: 'https://api2.heygen.com/v1/oauth/token',
    refresh: 'https://api2.heygen.com/v1/oauth/refresh_token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://docs.heygen.com/',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
