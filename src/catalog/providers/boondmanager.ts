import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'boondmanager',
  displayName: 'BoondManager',
  categories: ['erp'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://ui.boondmanager.com/api/oauth2/authorize',
    token: 'https://ui.boondmanager.com/api/oauth2/token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://doc.boondmanager.com/api-externe/',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
