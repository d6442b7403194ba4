import { defineProvider } from '../provider.ts';

/** ADP: the client acts for itself (client credentials, RFC 6749 §4.4); no user, no refresh token. */
export default defineProvider({
  key: 'adp',
  displayName: 'ADP',
  categories: ['hr'],
  protocol: 'oauth2',
  grants: ['client_credentials'],
  endpoints: { token: 'https://accounts.adp.com/auth/oauth/v2/token' },
  clientAuth: 'client_secret_post',
  clientCredentials: {},
  refreshToken: { issued: 'never', rotates: false },
  docs: {
    registerUrl: 'https://developers.adp.com/',
    notes: [
      'ADP also requires mutual TLS with the certificate issued for the project: Consentry does not present client certificates yet, so token requests from a plain egress are refused by ADP.',
    ],
  },
  uncertain: [
    'Token endpoint, client authentication and request encoding come from public provider catalogs (late 2026) and are not yet checked against the provider’s own documentation.',
    'Client authentication (form body) is taken from public catalogs; ADP’s guides also show HTTP Basic.',
  ],
});
