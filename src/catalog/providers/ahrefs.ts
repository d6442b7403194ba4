import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'ahrefs',
  displayName: 'Ahrefs',
  categories: ['marketing', 'analytics'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://app.ahrefs.com/web/oauth/authorize',
    token: 'https://ahrefs.com/oauth/token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://docs.ahrefs.com/docs/api/reference/oauth',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
