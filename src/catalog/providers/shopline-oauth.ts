import { defineProvider } from '../provider.ts';
import { subdomain } from './shapes.ts';

export default defineProvider({
  key: 'shopline-oauth',
  displayName: 'SHOPLINE (OAuth)',
  categories: ['e-commerce'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://{handle}.myshopline.com/admin/oauth-web/',
    token: 'https://{handle}.myshopline.com/admin/oauth/token/create',
    refresh: 'https://{handle}.myshopline.com/admin/oauth/token/refresh',
  },
  clientAuth: 'client_secret_post',
  pkce: false,
  scopeSeparator: ',',
  templates: [
    subdomain('handle', 'Store handle', 'The store handle: the “acme” of acme.myshopline.com.', 'acme'),
  ],
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://developer.shopline.com/docs/apps/api-instructions-for-use/app-authorization',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
