import { defineProvider } from '../provider.ts';
import { hostName } from './shapes.ts';

/** Optum Real: the client acts for itself (client credentials, RFC 6749 §4.4); no user, no refresh token. */
export default defineProvider({
  key: 'optum-real',
  displayName: 'Optum Real',
  categories: ['other'],
  protocol: 'oauth2',
  grants: ['client_credentials'],
  endpoints: { token: 'https://{domain}/apip/auth/sntl/v1/token' },
  clientAuth: 'client_secret_post',
  clientCredentials: {},
  templates: [
    hostName('domain', 'API host', 'The Optum API host you were given.', 'sandbox-apigw.optum.com'),
  ],
  refreshToken: { issued: 'never', rotates: false },
  docs: { registerUrl: 'https://developer.optum.com/' },
  uncertain: [
    'Token endpoint, client authentication and request encoding come from public provider catalogs (late 2026) and are not yet checked against the provider’s own documentation.',
  ],
});
