import { defineProvider } from '../provider.ts';

/** Transporeon Appointment Scheduling (Client Credentials): the client acts for itself (client credentials, RFC 6749 §4.4); no user, no refresh token. */
export default defineProvider({
  key: 'transporeon-oauth2-cc',
  displayName: 'Transporeon Appointment Scheduling (Client Credentials)',
  categories: ['other'],
  protocol: 'oauth2',
  grants: ['client_credentials'],
  endpoints: { token: 'https://id.eu.trimble-transportation.com/api/identity/v2/oauth2/token' },
  clientAuth: 'client_secret_basic',
  clientCredentials: {},
  refreshToken: { issued: 'never', rotates: false },
  docs: { registerUrl: 'https://developer.transporeon.com/' },
  uncertain: [
    'Token endpoint, client authentication and request encoding come from public provider catalogs (late 2026) and are not yet checked against the provider’s own documentation.',
    'Public catalogs say the parameters go in the query string; Consentry sends them as a form body.',
  ],
});
