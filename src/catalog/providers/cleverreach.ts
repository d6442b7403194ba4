import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'cleverreach',
  displayName: 'CleverReach',
  categories: ['marketing'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://rest.cleverreach.com/oauth/authorize.php',
    token: 'https://rest.cleverreach.com/oauth/token.php',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  authorizationParams: {
    grant: 'basic',
  },
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://rest.cleverreach.com/howto/oauth.php',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
