import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'threads',
  displayName: 'Threads',
  categories: ['social'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://threads.net/oauth/authorize',
    token: 'https://graph.threads.net/oauth/access_token',
    refresh: 'https://graph.threads.net/refresh_access_token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  scopeSeparator: ',',
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  scopes: [
    {
      name: 'threads_basic',
      description: 'Read the user’s Threads profile and posts.',
    },
  ],
  docs: {
    registerUrl: 'https://developers.facebook.com/docs/threads/get-started/get-access-tokens-and-permissions',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
