import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'mollie',
  displayName: 'Mollie',
  categories: ['payment'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://my.mollie.com/oauth2/authorize',
    token: 'https://api.mollie.com/oauth2/tokens',
  },
  clientAuth: 'client_secret_post',
  pkce: false,
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://docs.mollie.com/docs/connect-oauth',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
