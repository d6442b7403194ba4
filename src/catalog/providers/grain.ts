import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'grain',
  displayName: 'Grain (OAuth)',
  categories: ['video', 'communication', 'productivity'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://grain.com/_/public-api/oauth2/authorize',
    token: 'https://api.grain.com/_/public-api/oauth2/token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://developers.grain.com/',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
