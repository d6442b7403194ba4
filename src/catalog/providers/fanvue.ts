import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'fanvue',
  displayName: 'Fanvue',
  categories: ['other'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://auth.fanvue.com/oauth2/auth',
    token: 'https://auth.fanvue.com/oauth2/token',
  },
  clientAuth: 'client_secret_basic',
  pkce: true,
  refreshToken: {
    issued: 'with_scope',
    rotates: 'unknown',
  },
  scopes: [
    {
      name: 'offline_access',
      description: 'A refresh token, to keep access while the user is away.',
    },
    {
      name: 'offline',
      description: 'A refresh token, to keep access while the user is away.',
    },
  ],
  docs: {
    registerUrl: 'https://api.fanvue.com/docs',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
  ],
});
