import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'fillout',
  displayName: 'Fillout (Oauth)',
  categories: ['surveys'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://build.fillout.com/authorize/oauth',
    token: 'https://server.fillout.com/public/oauth/accessToken',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://www.fillout.com/help/fillout-rest-api',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
