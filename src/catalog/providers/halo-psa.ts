import { defineProvider } from '../provider.ts';
import { hostName } from './shapes.ts';

/** HaloPSA: the client acts for itself (client credentials, RFC 6749 §4.4); no user, no refresh token. */
export default defineProvider({
  key: 'halo-psa',
  displayName: 'HaloPSA',
  categories: ['support', 'ticketing'],
  protocol: 'oauth2',
  grants: ['client_credentials'],
  endpoints: { token: 'https://{hostname}/auth/token' },
  clientAuth: 'client_secret_basic',
  clientCredentials: {},
  templates: [
    hostName(
      'hostname',
      'Halo host',
      'The host of your Halo instance (its authorisation server).',
      'acme.halopsa.com',
    ),
  ],
  refreshToken: { issued: 'never', rotates: false },
  docs: { registerUrl: 'https://halopsa.com/apidocs/' },
  uncertain: [
    'Token endpoint, client authentication and request encoding come from public provider catalogs (late 2026) and are not yet checked against the provider’s own documentation.',
  ],
});
