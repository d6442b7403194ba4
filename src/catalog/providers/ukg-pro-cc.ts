import { defineProvider } from '../provider.ts';
import { hostName } from './shapes.ts';

/** UKG Pro HCM (Client Credentials): the client acts for itself (client credentials, RFC 6749 §4.4); no user, no refresh token. */
export default defineProvider({
  key: 'ukg-pro-cc',
  displayName: 'UKG Pro HCM (Client Credentials)',
  categories: ['hr'],
  protocol: 'oauth2',
  grants: ['client_credentials'],
  endpoints: { token: 'https://{identity_server}/signin/oauth2/t/{tenant_id}/access_token' },
  clientAuth: 'client_secret_post',
  clientCredentials: {},
  templates: [
    hostName(
      'identity_server',
      'Identity host',
      'The UKG identity host of your tenant.',
      'identity.ultipro.com',
    ),
    {
      name: 'tenant_id',
      label: 'Tenant id',
      description: 'Your UKG tenant id.',
      pattern: '[A-Za-z0-9_-]+',
      examples: ['ACME1'],
    },
  ],
  refreshToken: { issued: 'never', rotates: false },
  docs: { registerUrl: 'https://developer.ukg.com/' },
  uncertain: [
    'Token endpoint, client authentication and request encoding come from public provider catalogs (late 2026) and are not yet checked against the provider’s own documentation.',
  ],
});
