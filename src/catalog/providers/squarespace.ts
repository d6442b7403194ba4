import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'squarespace',
  displayName: 'Squarespace',
  categories: ['dev-tools', 'design'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://login.squarespace.com/api/1/login/oauth/provider/authorize',
    token: 'https://login.squarespace.com/api/1/login/oauth/provider/tokens',
  },
  clientAuth: 'client_secret_basic',
  pkce: true,
  scopeSeparator: ',',
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://developers.squarespace.com/oauth',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
