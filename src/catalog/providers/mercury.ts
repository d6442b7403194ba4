import { defineProvider } from '../provider.ts';
import { oneOf } from './shapes.ts';

export default defineProvider({
  key: 'mercury',
  displayName: 'Mercury',
  categories: ['accounting'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://{oauth_hostname}/oauth2/auth',
    token: 'https://{oauth_hostname}/oauth2/token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  templates: [
    oneOf(
      'oauth_hostname',
      'OAuth host',
      '“oauth2.mercury.com” for production, “oauth2-sandbox.mercury.com” for the sandbox.',
      ['oauth2.mercury.com', 'oauth2-sandbox.mercury.com'],
      'oauth2.mercury.com',
    ),
  ],
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
    registerUrl: 'https://docs.mercury.com/reference/oauth2',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
  ],
});
