import { defineProvider } from '../provider.ts';

/** Pendo (OAuth): the client acts for itself (client credentials, RFC 6749 §4.4); no user, no refresh token. */
export default defineProvider({
  key: 'pendo-oauth',
  displayName: 'Pendo (OAuth)',
  categories: ['analytics'],
  protocol: 'oauth2',
  grants: ['client_credentials'],
  endpoints: { token: 'https://app.pendo.io/oauth/v1/token' },
  clientAuth: 'client_secret_post',
  clientCredentials: { defaultScopes: ['read:me'] },
  refreshToken: { issued: 'never', rotates: false },
  docs: { registerUrl: 'https://developers.pendo.io/' },
  uncertain: [
    'Token endpoint, client authentication and request encoding come from public provider catalogs (late 2026) and are not yet checked against the provider’s own documentation.',
  ],
});
