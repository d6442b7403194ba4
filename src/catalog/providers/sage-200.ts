import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'sage-200',
  displayName: 'Sage 200',
  categories: ['accounting', 'erp'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://id.sage.com/authorize',
    token: 'https://id.sage.com/oauth/token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  authorizationParams: {
    audience: 's200ukipd/sage200',
  },
  refreshToken: {
    issued: 'with_scope',
    rotates: 'unknown',
  },
  scopes: [
    {
      name: 'offline_access',
      description: 'A refresh token, to keep access while the user is away.',
    },
  ],
  docs: {
    registerUrl: 'https://developer.sage.com/200/reference/',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
  ],
});
