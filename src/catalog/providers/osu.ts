import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'osu',
  displayName: 'Osu',
  categories: ['gaming'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://osu.ppy.sh/oauth/authorize',
    token: 'https://osu.ppy.sh/oauth/token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  scopes: [
    {
      name: 'identify',
      description: 'Read the user’s public profile.',
    },
  ],
  docs: {
    registerUrl: 'https://osu.ppy.sh/docs/#authentication',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
