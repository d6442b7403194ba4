import { defineProvider } from '../provider.ts';
import { hostName } from './shapes.ts';

/** UKG Ready: the client acts for itself (client credentials, RFC 6749 §4.4); no user, no refresh token. */
export default defineProvider({
  key: 'ukg-ready',
  displayName: 'UKG Ready',
  categories: ['hr'],
  protocol: 'oauth2',
  grants: ['client_credentials'],
  endpoints: { token: 'https://{hostname}/ta/rest/v2/companies/{realm_id}/oauth2/token' },
  clientAuth: 'client_secret_post',
  clientCredentials: {},
  templates: [
    hostName('hostname', 'UKG Ready host', 'The host of your UKG Ready service.', 'secure.saashr.com'),
    {
      name: 'realm_id',
      label: 'Company id',
      description: 'Your company’s short name or id in UKG Ready.',
      pattern: '[A-Za-z0-9_-]+',
      examples: ['12345'],
    },
  ],
  refreshToken: { issued: 'never', rotates: false },
  docs: { registerUrl: 'https://developer.ukg.com/' },
  uncertain: [
    'Token endpoint, client authentication and request encoding come from public provider catalogs (late 2026) and are not yet checked against the provider’s own documentation.',
  ],
});
