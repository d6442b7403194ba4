import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'epic-games',
  displayName: 'Epic Games',
  categories: ['gaming'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://www.epicgames.com/id/authorize',
    token: 'https://api.epicgames.dev/epic/oauth/v1/token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://dev.epicgames.com/docs/web-api-ref/authentication',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
