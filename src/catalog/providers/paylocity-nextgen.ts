import { defineProvider } from '../provider.ts';
import { oneOf } from './shapes.ts';

/** Paylocity (NextGen): the client acts for itself (client credentials, RFC 6749 §4.4); no user, no refresh token. */
export default defineProvider({
  key: 'paylocity-nextgen',
  displayName: 'Paylocity (NextGen)',
  categories: ['hr'],
  protocol: 'oauth2',
  grants: ['client_credentials'],
  endpoints: { token: 'https://{environment}.paylocity.com/public/security/v1/token' },
  clientAuth: 'client_secret_post',
  clientCredentials: {},
  templates: [
    oneOf(
      'environment',
      'Environment',
      'Production or testing gateway.',
      ['dc1prodgwext', 'dc1demogwext'],
      'dc1prodgwext',
    ),
  ],
  refreshToken: { issued: 'never', rotates: false },
  docs: { registerUrl: 'https://developer.paylocity.com/' },
  uncertain: [
    'Token endpoint, client authentication and request encoding come from public provider catalogs (late 2026) and are not yet checked against the provider’s own documentation.',
  ],
});
