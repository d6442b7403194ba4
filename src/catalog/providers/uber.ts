import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'uber',
  displayName: 'Uber',
  categories: ['other'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://login.uber.com/oauth/v2/authorize',
    token: 'https://login.uber.com/oauth/v2/token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://developer.uber.com/docs/riders/guides/authentication/user-access-token',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
