import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'wordpress',
  displayName: 'WordPress',
  categories: ['dev-tools', 'design', 'cms'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://public-api.wordpress.com/oauth2/authorize',
    token: 'https://public-api.wordpress.com/oauth2/token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://developer.wordpress.com/docs/oauth2/',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
