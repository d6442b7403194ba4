import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'digits',
  displayName: 'Digits',
  categories: ['accounting'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://connect.digits.com/v1/oauth/authorize',
    token: 'https://connect.digits.com/v1/oauth/token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  tokenRequestBody: 'json',
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://developer.digits.com/',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
