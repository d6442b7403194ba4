import { defineProvider } from '../provider.ts';

/** Fiserv (OAuth): the client acts for itself (client credentials, RFC 6749 §4.4); no user, no refresh token. */
export default defineProvider({
  key: 'fiserv',
  displayName: 'Fiserv (OAuth)',
  categories: ['banking', 'payment'],
  protocol: 'oauth2',
  grants: ['client_credentials'],
  endpoints: { token: 'https://cert.api.fiservapps.com/fts-apim/oauth2/v2' },
  clientAuth: 'client_secret_basic',
  clientCredentials: {},
  refreshToken: { issued: 'never', rotates: false },
  docs: { registerUrl: 'https://developer.fiserv.com/' },
  uncertain: [
    'Token endpoint, client authentication and request encoding come from public provider catalogs (late 2026) and are not yet checked against the provider’s own documentation.',
    'The published token endpoint is the certification (test) host; the production host is given by Fiserv per contract.',
  ],
});
