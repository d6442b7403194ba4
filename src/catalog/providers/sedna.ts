import { defineProvider } from '../provider.ts';
import { subdomain } from './shapes.ts';

/** Sedna (OAuth): the client acts for itself (client credentials, RFC 6749 §4.4); no user, no refresh token. */
export default defineProvider({
  key: 'sedna',
  displayName: 'Sedna (OAuth)',
  categories: ['communication'],
  protocol: 'oauth2',
  grants: ['client_credentials'],
  endpoints: { token: 'https://{tenant}.sednanetwork.com/platform/oauth/token' },
  clientAuth: 'client_secret_post',
  scopeSeparator: ',',
  clientCredentials: {},
  templates: [subdomain('tenant', 'Tenant', 'Your Sedna tenant name.', 'acme')],
  refreshToken: { issued: 'never', rotates: false },
  docs: { registerUrl: 'https://sedna.com/' },
  uncertain: [
    'Token endpoint, client authentication and request encoding come from public provider catalogs (late 2026) and are not yet checked against the provider’s own documentation.',
  ],
});
