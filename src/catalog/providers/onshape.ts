import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'onshape',
  displayName: 'Onshape',
  categories: ['design'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://oauth.onshape.com/oauth/authorize',
    token: 'https://oauth.onshape.com/oauth/token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://onshape-public.github.io/docs/auth/oauth/',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
