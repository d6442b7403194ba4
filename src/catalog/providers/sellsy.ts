import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'sellsy',
  displayName: 'Sellsy',
  categories: ['invoicing', 'accounting', 'crm'],
  protocol: 'oauth2',
  grants: ['authorization_code', 'client_credentials'],
  clientCredentials: { notes: 'Personal API access (client credentials) for your own Sellsy account.' },
  endpoints: {
    authorization: 'https://login.sellsy.com/oauth2/authorization',
    token: 'https://login.sellsy.com/oauth2/access-tokens',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://api.sellsy.com/doc/v2/#section/Authentication',
  },
  uncertain: [
    'Client credentials: the token request is taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
