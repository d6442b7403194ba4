import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'workable-oauth',
  displayName: 'Workable (OAuth)',
  categories: ['ats'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://www.workable.com/oauth/authorize',
    token: 'https://www.workable.com/oauth/token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://workable.readme.io/reference/oauth-authentication',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
