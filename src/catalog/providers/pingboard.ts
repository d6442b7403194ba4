import { defineProvider } from '../provider.ts';

/** Pingboard: the client acts for itself (client credentials, RFC 6749 §4.4); no user, no refresh token. */
export default defineProvider({
  key: 'pingboard',
  displayName: 'Pingboard',
  categories: ['productivity'],
  protocol: 'oauth2',
  grants: ['client_credentials'],
  endpoints: { token: 'https://app.pingboard.com/oauth/token' },
  clientAuth: 'client_secret_post',
  clientCredentials: {},
  refreshToken: { issued: 'never', rotates: false },
  docs: { registerUrl: 'https://pingboard.docs.apiary.io/' },
  uncertain: [
    'Token endpoint, client authentication and request encoding come from public provider catalogs (late 2026) and are not yet checked against the provider’s own documentation.',
  ],
});
