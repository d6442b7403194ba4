import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'exist',
  displayName: 'Exist',
  categories: ['other'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://exist.io/oauth2/authorize',
    token: 'https://exist.io/oauth2/access_token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://developer.exist.io/reference/authentication/oauth2/',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
