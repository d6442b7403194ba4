import { defineProvider } from '../provider.ts';
import { oneOf } from './shapes.ts';

/** CrowdStrike Falcon: the client acts for itself (client credentials, RFC 6749 §4.4); no user, no refresh token. */
export default defineProvider({
  key: 'crowdstrike',
  displayName: 'CrowdStrike Falcon',
  categories: ['dev-tools'],
  protocol: 'oauth2',
  grants: ['client_credentials'],
  endpoints: { token: 'https://{base_url}/oauth2/token' },
  clientAuth: 'client_secret_post',
  clientCredentials: {},
  templates: [
    oneOf(
      'base_url',
      'API host',
      'The Falcon API host of your cloud.',
      [
        'api.crowdstrike.com',
        'api.us-2.crowdstrike.com',
        'api.eu-1.crowdstrike.com',
        'api.laggar.gcw.crowdstrike.com',
      ],
      'api.crowdstrike.com',
    ),
  ],
  refreshToken: { issued: 'never', rotates: false },
  docs: { registerUrl: 'https://developer.crowdstrike.com/' },
  uncertain: [
    'Token endpoint, client authentication and request encoding come from public provider catalogs (late 2026) and are not yet checked against the provider’s own documentation.',
  ],
});
