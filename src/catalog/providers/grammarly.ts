import { defineProvider } from '../provider.ts';

/** Grammarly: the client acts for itself (client credentials, RFC 6749 §4.4); no user, no refresh token. */
export default defineProvider({
  key: 'grammarly',
  displayName: 'Grammarly',
  categories: ['productivity'],
  protocol: 'oauth2',
  grants: ['client_credentials'],
  endpoints: { token: 'https://auth.grammarly.com/v4/api/oauth2/token' },
  clientAuth: 'client_secret_post',
  scopeSeparator: ',',
  clientCredentials: {},
  refreshToken: { issued: 'never', rotates: false },
  docs: { registerUrl: 'https://developer.grammarly.com/' },
  uncertain: [
    'Token endpoint, client authentication and request encoding come from public provider catalogs (late 2026) and are not yet checked against the provider’s own documentation.',
    'Scope separator (comma) is from public catalogs.',
  ],
});
