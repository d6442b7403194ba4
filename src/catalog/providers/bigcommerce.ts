import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'bigcommerce',
  displayName: 'BigCommerce',
  categories: ['e-commerce'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://login.bigcommerce.com/oauth2/authorize',
    token: 'https://login.bigcommerce.com/oauth2/token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  authorizationParams: {
    account_uuid: '{account_uuid}',
    context: 'stores/{store_hash}',
  },
  tokenParams: {
    context: 'stores/{store_hash}',
  },
  templates: [
    {
      name: 'account_uuid',
      label: 'Account UUID',
      description: 'Your BigCommerce partner account UUID (Developer Portal).',
      pattern: '[0-9a-fA-F-]{36}',
      examples: ['0a1b2c3d-0000-4e5f-8a9b-0123456789ab'],
    },
    {
      name: 'store_hash',
      label: 'Store hash',
      description: 'The store hash from the store’s API path (stores/<hash>).',
      pattern: '[a-z0-9]+',
      examples: ['abc123def4'],
    },
  ],
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://developer.bigcommerce.com/docs/integrations/apps/guide/auth',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
