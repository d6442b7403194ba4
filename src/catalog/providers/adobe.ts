import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'adobe',
  displayName: 'Adobe',
  categories: ['design'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://ims-na1.adobelogin.com/ims/authorize/v2',
    token: 'https://ims-na1.adobelogin.com/ims/token/v3',
  },
  clientAuth: 'client_secret_post',
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
  ],
  docs: {
    registerUrl:
      'https://developer.adobe.com/developer-console/docs/guides/authentication/UserAuthentication/',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
  ],
});
