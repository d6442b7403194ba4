import { defineProvider } from '../provider.ts';

/** Domo: the client acts for itself (client credentials, RFC 6749 §4.4); no user, no refresh token. */
export default defineProvider({
  key: 'domo',
  displayName: 'Domo',
  categories: ['productivity', 'analytics'],
  protocol: 'oauth2',
  grants: ['client_credentials'],
  endpoints: { token: 'https://api.domo.com/oauth/token' },
  clientAuth: 'client_secret_basic',
  scopeSeparator: ',',
  clientCredentials: {},
  refreshToken: { issued: 'never', rotates: false },
  docs: { registerUrl: 'https://developer.domo.com/' },
  uncertain: [
    'Token endpoint, client authentication and request encoding come from public provider catalogs (late 2026) and are not yet checked against the provider’s own documentation.',
    'Domo’s examples request the token with GET and query parameters; Consentry sends the standard POST.',
    'Scope separator (comma) is from public catalogs; Domo’s examples separate with spaces.',
  ],
});
