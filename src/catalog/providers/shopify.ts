import { defineProvider } from '../provider.ts';
import { subdomain } from './shapes.ts';

export default defineProvider({
  key: 'shopify',
  displayName: 'Shopify (OAuth)',
  categories: ['e-commerce', 'popular'],
  protocol: 'oauth2',
  grants: ['authorization_code', 'client_credentials'],
  clientCredentials: { notes: 'For apps installed on stores of your own organization (Dev Dashboard apps).' },
  endpoints: {
    authorization: 'https://{subdomain}.myshopify.com/admin/oauth/authorize',
    token: 'https://{subdomain}.myshopify.com/admin/oauth/access_token',
  },
  clientAuth: 'client_secret_post',
  pkce: false,
  scopeSeparator: ',',
  tokenParams: {
    expiring: '1',
  },
  templates: [
    subdomain('subdomain', 'Shop', 'The shop’s myshopify name: the “acme” of acme.myshopify.com.', 'acme'),
  ],
  refreshToken: {
    issued: 'with_param',
    rotates: true,
    notes:
      'With expiring=1 (sent as a token parameter): offline access tokens last 60 minutes and come with a refresh token (since December 2025; public apps must use them from 2027). Without it, offline tokens never expire.',
  },
  scopes: [
    { name: 'read_products', description: 'Read products, variants and collections.' },
    { name: 'write_products', description: 'Change products, variants and collections.' },
    { name: 'read_orders', description: 'Read orders (last 60 days unless read_all_orders).' },
    { name: 'write_orders', description: 'Change orders.' },
    { name: 'read_customers', description: 'Read customers.' },
    { name: 'write_customers', description: 'Change customers.' },
  ],
  presets: { contacts: ['read_customers'], crm: ['read_customers', 'read_orders'] },
  docs: {
    registerUrl:
      'https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens/authorization-code-grant',
  },
  uncertain: [
    'Client credentials: the token request is taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Endpoints, the comma-separated scope and expiring offline tokens checked against shopify.dev; PKCE is not documented by Shopify and is not sent.',
  ],
});
