import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'coros',
  displayName: 'Coros',
  categories: ['sports'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://open.coros.com/oauth2/authorize',
    token: 'https://open.coros.com/oauth2/accesstoken',
    refresh: 'https://open.coros.com/oauth2/refresh-token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://support.coros.com/hc/en-us/articles/17085887816340',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
