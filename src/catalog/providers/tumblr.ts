import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'tumblr',
  displayName: 'Tumblr',
  categories: ['social', 'communication'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://www.tumblr.com/oauth2/authorize',
    token: 'https://api.tumblr.com/v2/oauth2/token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://www.tumblr.com/docs/en/api/v2#oauth2-authorization',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
