import { defineProvider } from '../provider.ts';
import { oneOf, subdomain } from './shapes.ts';

/** Nexthink: the client acts for itself (client credentials, RFC 6749 §4.4); no user, no refresh token. */
export default defineProvider({
  key: 'nexthink',
  displayName: 'Nexthink',
  categories: ['analytics'],
  protocol: 'oauth2',
  grants: ['client_credentials'],
  endpoints: { token: 'https://{instance}-login.{region}.nexthink.cloud/oauth2/default/v1/token' },
  clientAuth: 'client_secret_basic',
  clientCredentials: { defaultScopes: ['service:integration'] },
  templates: [
    subdomain('instance', 'Instance', 'Your Nexthink instance name.', 'acme'),
    oneOf('region', 'Region', 'The region of your instance.', ['us', 'eu', 'pac', 'meta']),
  ],
  refreshToken: { issued: 'never', rotates: false },
  docs: { registerUrl: 'https://docs.nexthink.com/' },
  uncertain: [
    'Token endpoint, client authentication and request encoding come from public provider catalogs (late 2026) and are not yet checked against the provider’s own documentation.',
  ],
});
