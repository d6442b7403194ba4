import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'hibob-oauth',
  displayName: 'HiBob (OAuth)',
  categories: ['hr'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://auth.app.hibob.com/oauth2/v1/apps/authorize',
    token: 'https://auth.app.hibob.com/oauth2/v1/apps/token',
  },
  clientAuth: 'client_secret_basic',
  pkce: true,
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://apidocs.hibob.com/',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
