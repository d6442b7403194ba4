import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'health-gorilla',
  displayName: 'Health Gorilla',
  categories: ['other'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://api.healthgorilla.com/oauth/authorize',
    token: 'https://api.healthgorilla.com/oauth/token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://developer.healthgorilla.com/docs/oauth20',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
