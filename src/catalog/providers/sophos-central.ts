import { defineProvider } from '../provider.ts';

/** Sophos Central: the client acts for itself (client credentials, RFC 6749 §4.4); no user, no refresh token. */
export default defineProvider({
  key: 'sophos-central',
  displayName: 'Sophos Central',
  categories: ['dev-tools'],
  protocol: 'oauth2',
  grants: ['client_credentials'],
  endpoints: { token: 'https://id.sophos.com/api/v2/oauth2/token' },
  clientAuth: 'client_secret_post',
  clientCredentials: { defaultScopes: ['token'] },
  refreshToken: { issued: 'never', rotates: false },
  docs: { registerUrl: 'https://developer.sophos.com/getting-started-tenant' },
  uncertain: [
    'Token endpoint, client authentication and request encoding come from public provider catalogs (late 2026) and are not yet checked against the provider’s own documentation.',
    'The tenant id and data region come from the whoami call after the token; they are not part of the token request.',
  ],
});
