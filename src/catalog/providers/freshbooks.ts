import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'freshbooks',
  displayName: 'FreshBooks',
  categories: ['accounting'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://auth.freshbooks.com/oauth/authorize',
    token: 'https://api.freshbooks.com/auth/oauth/token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://www.freshbooks.com/api/authentication',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
