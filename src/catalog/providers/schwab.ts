import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'schwab',
  displayName: 'Schwab',
  categories: ['banking', 'accounting'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://api.schwabapi.com/v1/oauth/authorize',
    token: 'https://api.schwabapi.com/v1/oauth/token',
  },
  clientAuth: 'client_secret_basic',
  pkce: false,
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://developer.schwab.com/user-guides/get-started/authenticate-with-oauth',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
