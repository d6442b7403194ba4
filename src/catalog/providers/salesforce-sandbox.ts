import { defineProvider } from '../provider.ts';
import { hostName } from './shapes.ts';

export default defineProvider({
  key: 'salesforce-sandbox',
  displayName: 'Salesforce (Sandbox)',
  categories: ['crm'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://{hostname}/services/oauth2/authorize',
    token: 'https://{hostname}/services/oauth2/token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  templates: [
    hostName(
      'hostname',
      'Sandbox login host',
      '“test.salesforce.com”, or your sandbox’s My Domain host (acme--dev.sandbox.my.salesforce.com).',
      'test.salesforce.com',
    ),
  ],
  refreshToken: {
    issued: 'with_scope',
    rotates: 'unknown',
  },
  scopes: [
    {
      name: 'offline_access',
      description: 'A refresh token, to keep access while the user is away.',
    },
  ],
  presets: {
    crm: ['offline_access'],
  },
  docs: {
    registerUrl: 'https://help.salesforce.com/s/articleView?id=sf.connected_app_create.htm',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
  ],
});
