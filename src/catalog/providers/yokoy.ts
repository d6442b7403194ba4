import { defineProvider } from '../provider.ts';
import { hostName } from './shapes.ts';

/** Yokoy: the client acts for itself (client credentials, RFC 6749 §4.4); no user, no refresh token. */
export default defineProvider({
  key: 'yokoy',
  displayName: 'Yokoy',
  categories: ['accounting', 'invoicing'],
  protocol: 'oauth2',
  grants: ['client_credentials'],
  endpoints: { token: 'https://accounts.{environment}/oauth2/token' },
  clientAuth: 'client_secret_basic',
  clientCredentials: {},
  templates: [
    hostName(
      'environment',
      'Yokoy domain',
      'The Yokoy domain of your environment (after “accounts.”).',
      'yokoy.ai',
    ),
  ],
  refreshToken: { issued: 'never', rotates: false },
  docs: { registerUrl: 'https://developer.yokoy.io/' },
  uncertain: [
    'Token endpoint, client authentication and request encoding come from public provider catalogs (late 2026) and are not yet checked against the provider’s own documentation.',
  ],
});
