import { defineProvider } from '../provider.ts';
import { hostName } from './shapes.ts';

/** Medallia: the client acts for itself (client credentials, RFC 6749 §4.4); no user, no refresh token. */
export default defineProvider({
  key: 'medallia',
  displayName: 'Medallia',
  categories: ['crm', 'support', 'surveys'],
  protocol: 'oauth2',
  grants: ['client_credentials'],
  endpoints: { token: 'https://{reporting_instance}/oauth/{tenant_name}/token' },
  clientAuth: 'client_secret_basic',
  clientCredentials: {},
  templates: [
    hostName(
      'reporting_instance',
      'Reporting host',
      'The host of your Medallia reporting instance.',
      'instance.medallia.com',
    ),
    {
      name: 'tenant_name',
      label: 'Tenant',
      description: 'Your Medallia tenant (company) name as it appears in the token path.',
      pattern: '[A-Za-z0-9_-]+',
      examples: ['acme'],
    },
  ],
  refreshToken: { issued: 'never', rotates: false },
  docs: { registerUrl: 'https://developer.medallia.com/' },
  uncertain: [
    'Token endpoint, client authentication and request encoding come from public provider catalogs (late 2026) and are not yet checked against the provider’s own documentation.',
  ],
});
