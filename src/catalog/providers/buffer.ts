import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'buffer',
  displayName: 'Buffer',
  categories: ['marketing', 'social'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://auth.buffer.com/auth',
    token: 'https://auth.buffer.com/token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  authorizationParams: {
    prompt: 'consent',
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
    registerUrl: 'https://buffer.com/developers/api/oauth',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
  ],
});
