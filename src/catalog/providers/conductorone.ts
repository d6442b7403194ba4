import { defineProvider } from '../provider.ts';
import { hostName } from './shapes.ts';

/** ConductorOne: the client acts for itself (client credentials, RFC 6749 §4.4); no user, no refresh token. */
export default defineProvider({
  key: 'conductorone',
  displayName: 'ConductorOne',
  categories: ['productivity', 'iam'],
  protocol: 'oauth2',
  grants: ['client_credentials'],
  endpoints: { token: 'https://{hostname}/auth/v1/token' },
  clientAuth: 'client_secret_post',
  clientCredentials: {},
  templates: [hostName('hostname', 'Tenant host', 'Your ConductorOne tenant host.', 'acme.conductor.one')],
  refreshToken: { issued: 'never', rotates: false },
  docs: { registerUrl: 'https://www.conductorone.com/docs/' },
  uncertain: [
    'Token endpoint, client authentication and request encoding come from public provider catalogs (late 2026) and are not yet checked against the provider’s own documentation.',
  ],
});
