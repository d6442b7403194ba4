import { defineProvider } from '../provider.ts';
import { hostName } from './shapes.ts';

export default defineProvider({
  key: 'servicenow',
  displayName: 'ServiceNow',
  categories: ['productivity', 'popular'],
  protocol: 'oauth2',
  grants: ['authorization_code', 'client_credentials'],
  clientCredentials: {
    notes:
      'The instance must allow the grant (system property glide.oauth.inbound.client.credential.grant_type.enabled) and the OAuth application names the acting user.',
  },
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
    issued: 'always',
    rotates: false,
    lifetimeDays: 100,
    notes:
      'Lifetimes are set per OAuth application in the instance (defaults: access 30 minutes, refresh 100 days).',
  },
  docs: {
    registerUrl:
      'https://docs.servicenow.com/bundle/washingtondc-platform-security/page/administer/security/task/t_CreateEndpointforExternalClients.html',
  },
  uncertain: [
    'Client credentials: the token request is taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh behaviour as the provider documented it at the time of writing; not re-checked here.',
  ],
});
