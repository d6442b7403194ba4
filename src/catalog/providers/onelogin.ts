import { defineProvider } from '../provider.ts';
import { subdomain } from './shapes.ts';

/** OneLogin: the client acts for itself (client credentials, RFC 6749 §4.4); no user, no refresh token. */
export default defineProvider({
  key: 'onelogin',
  displayName: 'OneLogin',
  categories: ['iam', 'dev-tools'],
  protocol: 'oauth2',
  grants: ['client_credentials'],
  endpoints: { token: 'https://{subdomain}.onelogin.com/auth/oauth2/v2/token' },
  clientAuth: 'client_secret_post',
  clientCredentials: {},
  templates: [subdomain('subdomain', 'Subdomain', 'Your OneLogin subdomain.', 'acme')],
  refreshToken: { issued: 'never', rotates: false },
  docs: { registerUrl: 'https://developers.onelogin.com/api-docs/2/oauth20-tokens/generate-tokens-2' },
  uncertain: [
    'Token endpoint, client authentication and request encoding come from public provider catalogs (late 2026) and are not yet checked against the provider’s own documentation.',
    'Client authentication (form body) is from public catalogs; OneLogin also documents HTTP Basic.',
  ],
});
