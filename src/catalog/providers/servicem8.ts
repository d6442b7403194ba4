import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'servicem8',
  displayName: 'ServiceM8',
  categories: ['productivity'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://go.servicem8.com/oauth/authorize',
    token: 'https://go.servicem8.com/oauth/access_token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://developer.servicem8.com/docs/authentication',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
