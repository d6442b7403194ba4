import { defineProvider } from '../provider.ts';
import { subdomain } from './shapes.ts';

/** Trafft: the client acts for itself (client credentials, RFC 6749 §4.4); no user, no refresh token. */
export default defineProvider({
  key: 'trafft',
  displayName: 'Trafft',
  categories: ['productivity'],
  protocol: 'oauth2',
  grants: ['client_credentials'],
  endpoints: { token: 'https://{subdomain}.admin.trafft.com/api/v2/token' },
  clientAuth: 'client_secret_post',
  clientCredentials: {},
  templates: [subdomain('subdomain', 'Subdomain', 'Your Trafft subdomain.', 'acme')],
  refreshToken: { issued: 'never', rotates: false },
  docs: { registerUrl: 'https://trafft.com/' },
  uncertain: [
    'Token endpoint, client authentication and request encoding come from public provider catalogs (late 2026) and are not yet checked against the provider’s own documentation.',
  ],
});
