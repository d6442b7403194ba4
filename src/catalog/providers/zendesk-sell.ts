import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'zendesk-sell',
  displayName: 'Zendesk Sell',
  categories: ['crm'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://api.getbase.com/oauth2/authorize',
    token: 'https://api.getbase.com/oauth2/token',
  },
  clientAuth: 'client_secret_basic',
  pkce: true,
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://developer.zendesk.com/api-reference/sales-crm/authentication/introduction/',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
