import { defineProvider } from '../provider.ts';
import { oneOf } from './shapes.ts';

/** Gainsight Customer Communities (Client Credentials): the client acts for itself (client credentials, RFC 6749 §4.4); no user, no refresh token. */
export default defineProvider({
  key: 'gainsight-cc',
  displayName: 'Gainsight Customer Communities (Client Credentials)',
  categories: ['support', 'crm'],
  protocol: 'oauth2',
  grants: ['client_credentials'],
  endpoints: { token: 'https://api2-{region}.insided.com/oauth2/token' },
  clientAuth: 'client_secret_post',
  clientCredentials: {},
  templates: [
    oneOf('region', 'Region', 'The region of your community’s API host.', ['eu-west-1', 'us-west-2']),
  ],
  refreshToken: { issued: 'never', rotates: false },
  docs: { registerUrl: 'https://api2-eu-west-1.insided.com/docs/' },
  uncertain: [
    'Token endpoint, client authentication and request encoding come from public provider catalogs (late 2026) and are not yet checked against the provider’s own documentation.',
  ],
});
