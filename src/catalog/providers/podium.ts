import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'podium',
  displayName: 'Podium',
  categories: ['communication', 'marketing'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://api.podium.com/oauth/authorize',
    token: 'https://api.podium.com/oauth/token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  tokenRequestBody: 'json',
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://docs.podium.com/docs/oauth',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
