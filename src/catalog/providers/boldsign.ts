import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'boldsign',
  displayName: 'BoldSign',
  categories: ['legal'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://account.boldsign.com/connect/authorize',
    token: 'https://account.boldsign.com/connect/token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://developers.boldsign.com/authentication/oauth-2.0/',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
