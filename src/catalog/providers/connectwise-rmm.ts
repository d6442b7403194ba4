import { defineProvider } from '../provider.ts';
import { hostName } from './shapes.ts';

/** ConnectWise RMM: the client acts for itself (client credentials, RFC 6749 §4.4); no user, no refresh token. */
export default defineProvider({
  key: 'connectwise-rmm',
  displayName: 'ConnectWise RMM',
  categories: ['support'],
  protocol: 'oauth2',
  grants: ['client_credentials'],
  endpoints: { token: 'https://openapi.service.{subdomain}/v1/token' },
  clientAuth: 'client_secret_post',
  tokenRequestBody: 'json',
  clientCredentials: {},
  templates: [
    hostName(
      'subdomain',
      'Platform domain',
      'The domain after openapi.service. in your partner API host.',
      'itsupport247.net',
    ),
  ],
  refreshToken: { issued: 'never', rotates: false },
  docs: { registerUrl: 'https://developer.connectwise.com/' },
  uncertain: [
    'Token endpoint, client authentication and request encoding come from public provider catalogs (late 2026) and are not yet checked against the provider’s own documentation.',
  ],
});
