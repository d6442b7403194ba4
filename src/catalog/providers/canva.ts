import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'canva',
  displayName: 'Canva',
  categories: ['design'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://www.canva.com/api/oauth/authorize',
    token: 'https://api.canva.com/rest/v1/oauth/token',
  },
  clientAuth: 'client_secret_basic',
  pkce: true,
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://www.canva.dev/docs/connect/authentication/',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
