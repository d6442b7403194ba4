import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'typeform',
  displayName: 'Typeform',
  categories: ['surveys'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://api.typeform.com/oauth/authorize',
    token: 'https://api.typeform.com/oauth/token',
  },
  clientAuth: 'client_secret_post',
  pkce: false,
  refreshToken: {
    issued: 'with_scope',
    rotates: 'unknown',
  },
  scopes: [
    {
      name: 'offline',
      description: 'A refresh token, to keep access while the user is away.',
    },
  ],
  docs: {
    registerUrl: 'https://www.typeform.com/developers/get-started/applications/',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
  ],
});
