import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'perk',
  displayName: 'Perk',
  categories: ['productivity'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://app.travelperk.com/oauth2/authorize/',
    token: 'https://app.travelperk.com/accounts/oauth2/token/',
  },
  clientAuth: 'client_secret_post',
  pkce: false,
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://developers.travelperk.com/docs/oauth2',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
