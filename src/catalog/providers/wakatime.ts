import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'wakatime',
  displayName: 'Wakatime',
  categories: ['analytics', 'dev-tools'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://wakatime.com/oauth/authorize',
    token: 'https://wakatime.com/oauth/token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://wakatime.com/developers#authentication',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
