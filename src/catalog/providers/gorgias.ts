import { defineProvider } from '../provider.ts';
import { subdomain } from './shapes.ts';

export default defineProvider({
  key: 'gorgias',
  displayName: 'Gorgias',
  categories: ['e-commerce'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://{subdomain}.gorgias.com/oauth/authorize',
    token: 'https://{subdomain}.gorgias.com/oauth/token',
  },
  clientAuth: 'client_secret_basic',
  pkce: true,
  templates: [
    subdomain('subdomain', 'Account', 'Your Gorgias account: the “acme” of acme.gorgias.com.', 'acme'),
  ],
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
    registerUrl: 'https://developers.gorgias.com/docs/oauth2-authentication',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
  ],
});
