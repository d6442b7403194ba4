import { defineProvider } from '../provider.ts';
import { subdomain } from './shapes.ts';

/** INGENIOUS.BUILD: the client acts for itself (client credentials, RFC 6749 §4.4); no user, no refresh token. */
export default defineProvider({
  key: 'ingenious-build',
  displayName: 'INGENIOUS.BUILD',
  categories: ['erp', 'accounting'],
  protocol: 'oauth2',
  grants: ['client_credentials'],
  endpoints: { token: 'https://{subdomain}.ingenious.build/api/v2/pub/oauth/token' },
  clientAuth: 'client_secret_post',
  tokenRequestBody: 'json',
  clientCredentials: {},
  templates: [subdomain('subdomain', 'Subdomain', 'Your INGENIOUS.BUILD subdomain.', 'acme')],
  refreshToken: { issued: 'never', rotates: false },
  docs: { registerUrl: 'https://ingenious.build/' },
  uncertain: [
    'Token endpoint, client authentication and request encoding come from public provider catalogs (late 2026) and are not yet checked against the provider’s own documentation.',
  ],
});
