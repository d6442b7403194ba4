import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'walmart',
  displayName: 'Walmart Marketplace',
  categories: ['e-commerce'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://login.account.wal-mart.com/authorize',
    token: 'https://marketplace.walmartapis.com/v3/token',
  },
  clientAuth: 'client_secret_post',
  pkce: false,
  authorizationParams: {
    clientType: 'seller',
  },
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://developer.walmart.com/doc/us/mp/us-mp-auth/',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'clientType may need to be “seller” or “partner”; “seller” is assumed.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
