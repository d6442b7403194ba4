import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'salesmsg-oauth2',
  displayName: 'Salesmsg (OAuth2)',
  categories: ['communication', 'marketing'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://app.salesmessage.com/auth/oauth',
    token: 'https://api.salesmessage.com/pub/v2.2/oauth/token',
  },
  clientAuth: 'client_secret_post',
  pkce: false,
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://dev.salesmessage.com/',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
