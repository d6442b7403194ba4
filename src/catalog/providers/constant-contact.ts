import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'constant-contact',
  displayName: 'Constant Contact',
  categories: ['marketing'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://authz.constantcontact.com/oauth2/default/v1/authorize',
    token: 'https://authz.constantcontact.com/oauth2/default/v1/token',
  },
  clientAuth: 'client_secret_post',
  pkce: false,
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
    registerUrl: 'https://developer.constantcontact.com/api_guide/server_flow.html',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
  ],
});
