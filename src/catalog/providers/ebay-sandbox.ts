import { defineProvider } from '../provider.ts';
import { RU_NAME } from './ebay.ts';

export default defineProvider({
  key: 'ebay-sandbox',
  displayName: 'eBay (Sandbox)',
  categories: ['e-commerce'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://auth.sandbox.ebay.com/oauth2/authorize',
    token: 'https://api.sandbox.ebay.com/identity/v1/oauth2/token',
  },
  clientAuth: 'client_secret_basic',
  templates: [RU_NAME],
  quirks: 'ebay',
  pkce: true,
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://developer.ebay.com/api-docs/static/oauth-authorization-code-grant.html',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
