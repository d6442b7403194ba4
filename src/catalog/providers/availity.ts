import { defineProvider } from '../provider.ts';

/** Availity: the client acts for itself (client credentials, RFC 6749 §4.4); no user, no refresh token. */
export default defineProvider({
  key: 'availity',
  displayName: 'Availity',
  categories: ['other'],
  protocol: 'oauth2',
  grants: ['client_credentials'],
  endpoints: { token: 'https://api.availity.com/v1/token' },
  clientAuth: 'client_secret_post',
  clientCredentials: { defaultScopes: ['hipaa'] },
  refreshToken: { issued: 'never', rotates: false },
  docs: { registerUrl: 'https://developer.availity.com/' },
  uncertain: [
    'Token endpoint, client authentication and request encoding come from public provider catalogs (late 2026) and are not yet checked against the provider’s own documentation.',
  ],
});
