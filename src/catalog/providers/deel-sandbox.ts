import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'deel-sandbox',
  displayName: 'Deel (Sandbox)',
  categories: ['hr'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://demo.deel.com/oauth2/authorize',
    token: 'https://demo.deel.com/oauth2/tokens',
  },
  clientAuth: 'client_secret_basic',
  pkce: true,
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://developer.deel.com/docs/oauth2',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
