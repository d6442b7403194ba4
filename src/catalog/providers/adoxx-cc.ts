import { defineProvider } from '../provider.ts';
import { hostName } from './shapes.ts';

/** ADOxx (Client Credentials): the client acts for itself (client credentials, RFC 6749 §4.4); no user, no refresh token. */
export default defineProvider({
  key: 'adoxx-cc',
  displayName: 'ADOxx (Client Credentials)',
  categories: ['dev-tools'],
  protocol: 'oauth2',
  grants: ['client_credentials'],
  endpoints: { token: 'https://{base_url}/oauth2/token' },
  clientAuth: 'client_secret_basic',
  clientCredentials: {},
  templates: [
    hostName('base_url', 'ADOxx server', 'The host of your ADOxx installation.', 'adoxx.example.com'),
  ],
  refreshToken: { issued: 'never', rotates: false },
  docs: { registerUrl: 'https://www.adoxx.org/' },
  uncertain: [
    'Token endpoint, client authentication and request encoding come from public provider catalogs (late 2026) and are not yet checked against the provider’s own documentation.',
  ],
});
