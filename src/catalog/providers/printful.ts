import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'printful',
  displayName: 'Printful',
  categories: ['e-commerce'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://www.printful.com/oauth/authorize',
    token: 'https://www.printful.com/oauth/token',
  },
  clientAuth: 'client_secret_post',
  pkce: false,
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://developers.printful.com/docs/#tag/OAuth-API',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
