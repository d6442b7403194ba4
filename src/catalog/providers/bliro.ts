import { defineProvider } from '../provider.ts';

/** Bliro: the client acts for itself (client credentials, RFC 6749 §4.4); no user, no refresh token. */
export default defineProvider({
  key: 'bliro',
  displayName: 'Bliro',
  categories: ['communication'],
  protocol: 'oauth2',
  grants: ['client_credentials'],
  endpoints: { token: 'https://accounts.bliro.io/oauth/token' },
  clientAuth: 'client_secret_post',
  tokenRequestBody: 'json',
  clientCredentials: { tokenParams: { audience: 'https://api.bliro.io' } },
  refreshToken: { issued: 'never', rotates: false },
  docs: { registerUrl: 'https://www.bliro.io/' },
  uncertain: [
    'Token endpoint, client authentication and request encoding come from public provider catalogs (late 2026) and are not yet checked against the provider’s own documentation.',
  ],
});
