import { defineProvider } from '../provider.ts';

/** BigChange: the client acts for itself (client credentials, RFC 6749 §4.4); no user, no refresh token. */
export default defineProvider({
  key: 'bigchange',
  displayName: 'BigChange',
  categories: ['productivity'],
  protocol: 'oauth2',
  grants: ['client_credentials'],
  endpoints: { token: 'https://api.bigchange.com/auth/tokens' },
  clientAuth: 'client_secret_post',
  clientCredentials: {},
  refreshToken: { issued: 'never', rotates: false },
  docs: { registerUrl: 'https://developers.bigchange.com/' },
  uncertain: [
    'Token endpoint, client authentication and request encoding come from public provider catalogs (late 2026) and are not yet checked against the provider’s own documentation.',
    'API calls also name the customer (customer id header); that is not part of the token request.',
  ],
});
