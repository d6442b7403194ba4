import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'splitwise',
  displayName: 'Splitwise',
  categories: ['payment', 'social'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://secure.splitwise.com/oauth/authorize',
    token: 'https://secure.splitwise.com/oauth/token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://dev.splitwise.com/#section/Authentication',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
