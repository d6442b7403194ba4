import { defineProvider } from '../provider.ts';

/** Personio (v2): the client acts for itself (client credentials, RFC 6749 §4.4); no user, no refresh token. */
export default defineProvider({
  key: 'personio-v2',
  displayName: 'Personio (v2)',
  categories: ['hr'],
  protocol: 'oauth2',
  grants: ['client_credentials'],
  endpoints: { token: 'https://api.personio.de/v2/auth/token' },
  clientAuth: 'client_secret_post',
  clientCredentials: {},
  refreshToken: { issued: 'never', rotates: false },
  docs: { registerUrl: 'https://developer.personio.de/' },
  uncertain: [
    'Token endpoint, client authentication and request encoding come from public provider catalogs (late 2026) and are not yet checked against the provider’s own documentation.',
  ],
});
