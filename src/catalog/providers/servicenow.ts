import { defineProvider } from '../provider.ts';
import { hostName } from './shapes.ts';

export default defineProvider({
  key: 'servicenow',
  displayName: 'ServiceNow',
  categories: ['productivity', 'popular'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://{hostname}/oauth_auth.do',
    token: 'https://{hostname}/oauth_token.do',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  templates: [
    hostName(
      'hostname',
      'Instance host',
      'The host name of your ServiceNow instance, such as acme.service-now.com.',
      'acme.service-now.com',
    ),
  ],
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl:
      'https://docs.servicenow.com/bundle/washingtondc-platform-security/page/administer/security/task/t_CreateEndpointforExternalClients.html',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
