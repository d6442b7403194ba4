import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'bing-webmasters',
  displayName: 'Bing Webmasters',
  categories: ['dev-tools'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://www.bing.com/webmasters/oauth/authorize',
    token: 'https://www.bing.com/webmasters/oauth/token',
    refresh: 'https://www.bing.com/webmasters/token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://learn.microsoft.com/en-us/bingwebmaster/oauth2',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
