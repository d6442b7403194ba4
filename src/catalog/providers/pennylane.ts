import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'pennylane',
  displayName: 'Pennylane',
  categories: ['accounting', 'banking', 'invoicing', 'payment'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://app.pennylane.com/oauth/authorize',
    token: 'https://app.pennylane.com/oauth/token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://pennylane.readme.io/docs/oauth-20',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
