import { defineProvider } from '../provider.ts';

/** Vanta: the client acts for itself (client credentials, RFC 6749 §4.4); no user, no refresh token. */
export default defineProvider({
  key: 'vanta',
  displayName: 'Vanta',
  categories: ['dev-tools'],
  protocol: 'oauth2',
  grants: ['client_credentials'],
  endpoints: { token: 'https://api.vanta.com/oauth/token' },
  clientAuth: 'client_secret_post',
  tokenRequestBody: 'json',
  clientCredentials: { defaultScopes: ['vanta-api.all:read'] },
  refreshToken: { issued: 'never', rotates: false },
  docs: { registerUrl: 'https://developer.vanta.com/' },
  uncertain: [
    'Token endpoint, client authentication and request encoding come from public provider catalogs (late 2026) and are not yet checked against the provider’s own documentation.',
  ],
});
