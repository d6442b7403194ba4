import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'vimeo',
  displayName: 'Vimeo (OAuth)',
  categories: ['video'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://api.vimeo.com/oauth/authorize',
    token: 'https://api.vimeo.com/oauth/access_token',
  },
  clientAuth: 'client_secret_basic',
  pkce: true,
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://developer.vimeo.com/api/authentication',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
