import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'candis',
  displayName: 'Candis',
  categories: ['accounting'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://id.my.candis.io/auth/realms/candis/protocol/openid-connect/auth',
    token: 'https://id.my.candis.io/auth/realms/candis/protocol/openid-connect/token',
  },
  clientAuth: 'client_secret_basic',
  pkce: false,
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://developer.candis.io/',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
