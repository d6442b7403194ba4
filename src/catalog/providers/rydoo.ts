import { defineProvider } from '../provider.ts';

/** Rydoo: the client acts for itself (client credentials, RFC 6749 §4.4); no user, no refresh token. */
export default defineProvider({
  key: 'rydoo',
  displayName: 'Rydoo',
  categories: ['accounting'],
  protocol: 'oauth2',
  grants: ['client_credentials'],
  endpoints: { token: 'https://accounts.rydoo.com/connect/token' },
  clientAuth: 'client_secret_basic',
  clientCredentials: {},
  refreshToken: { issued: 'never', rotates: false },
  docs: { registerUrl: 'https://developers.rydoo.com/' },
  uncertain: [
    'Token endpoint, client authentication and request encoding come from public provider catalogs (late 2026) and are not yet checked against the provider’s own documentation.',
  ],
});
