import { defineProvider } from '../provider.ts';
import { hostName } from './shapes.ts';

export default defineProvider({
  key: 'microsoft-dynamics-365-finance-and-operations',
  displayName: 'Microsoft Dynamics 365 Finance and Operations',
  categories: ['erp'],
  protocol: 'oauth2',
  grants: ['authorization_code', 'client_credentials'],
  clientCredentials: {
    tokenParams: { resource: 'https://{environment_url}' },
    notes:
      'Service-to-service: register the application in the environment (System administration → Microsoft Entra applications).',
  },
  endpoints: {
    authorization: 'https://login.microsoftonline.com/{tenant_id}/oauth2/authorize',
    token: 'https://login.microsoftonline.com/{tenant_id}/oauth2/token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  authorizationParams: {
    resource: 'https://{environment_url}',
  },
  tokenParams: {
    resource: 'https://{environment_url}',
  },
  templates: [
    {
      name: 'tenant_id',
      label: 'Tenant',
      description: 'Your Microsoft Entra directory (tenant) id or *.onmicrosoft.com domain.',
      pattern:
        '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|[a-zA-Z0-9-]+\\.onmicrosoft\\.com',
      examples: ['72f988bf-86f1-41af-91ab-2d7cd011db47'],
    },
    hostName(
      'environment_url',
      'Environment host',
      'The host name of the Finance and Operations environment, such as acme.operations.dynamics.com.',
      'acme.operations.dynamics.com',
    ),
  ],
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl:
      'https://learn.microsoft.com/en-us/dynamics365/fin-ops-core/dev-itpro/data-entities/services-home-page',
  },
  uncertain: [
    'Client credentials: the token request is taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
