import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'apaleo',
  displayName: 'Apaleo',
  categories: ['erp'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://identity.apaleo.com/connect/authorize',
    token: 'https://identity.apaleo.com/connect/token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://apaleo.dev/guides/start/oauth-connection/',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
