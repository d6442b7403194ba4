import { defineProvider } from '../provider.ts';

/** Kno Commerce: the client acts for itself (client credentials, RFC 6749 §4.4); no user, no refresh token. */
export default defineProvider({
  key: 'kno-commerce',
  displayName: 'Kno Commerce',
  categories: ['e-commerce', 'surveys'],
  protocol: 'oauth2',
  grants: ['client_credentials'],
  endpoints: { token: 'https://app-api.knocommerce.com/api/oauth2/token' },
  clientAuth: 'client_secret_basic',
  clientCredentials: {},
  refreshToken: { issued: 'never', rotates: false },
  docs: { registerUrl: 'https://knocommerce.com/' },
  uncertain: [
    'Token endpoint, client authentication and request encoding come from public provider catalogs (late 2026) and are not yet checked against the provider’s own documentation.',
    'Public catalogs say the parameters go in the query string; Consentry sends them as a form body.',
  ],
});
