import { defineProvider } from '../provider.ts';
import { subdomain } from './shapes.ts';

export default defineProvider({
  key: 'shopify',
  displayName: 'Shopify (OAuth)',
  categories: ['e-commerce', 'popular'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://{subdomain}.myshopify.com/admin/oauth/authorize',
    token: 'https://{subdomain}.myshopify.com/admin/oauth/access_token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  tokenParams: {
    expiring: '1',
  },
  templates: [
    subdomain('subdomain', 'Shop', 'The shop’s myshopify name: the “acme” of acme.myshopify.com.', 'acme'),
  ],
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl:
      'https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens/authorization-code-grant',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
