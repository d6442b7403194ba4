import { defineProvider } from '../provider.ts';
import { oneOf } from './shapes.ts';

/** Paylocity (WebLink): the client acts for itself (client credentials, RFC 6749 §4.4); no user, no refresh token. */
export default defineProvider({
  key: 'paylocity',
  displayName: 'Paylocity (WebLink)',
  categories: ['hr'],
  protocol: 'oauth2',
  grants: ['client_credentials'],
  endpoints: { token: 'https://{environment}.paylocity.com/IdentityServer/connect/token' },
  clientAuth: 'client_secret_post',
  clientCredentials: { defaultScopes: ['WebLinkAPI'] },
  templates: [
    oneOf(
      'environment',
      'Environment',
      'api for production, apisandbox for testing.',
      ['api', 'apisandbox'],
      'api',
    ),
  ],
  refreshToken: { issued: 'never', rotates: false },
  docs: { registerUrl: 'https://developer.paylocity.com/' },
  uncertain: [
    'Token endpoint, client authentication and request encoding come from public provider catalogs (late 2026) and are not yet checked against the provider’s own documentation.',
  ],
});
