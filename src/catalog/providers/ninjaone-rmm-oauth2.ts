import { defineProvider } from '../provider.ts';
import { oneOf } from './shapes.ts';

export default defineProvider({
  key: 'ninjaone-rmm-oauth2',
  displayName: 'NinjaOne RMM (OAuth2)',
  categories: ['support'],
  protocol: 'oauth2',
  grants: ['authorization_code', 'client_credentials'],
  clientCredentials: {
    notes: 'API services: a client application with the client-credentials grant type enabled.',
  },
  endpoints: {
    authorization: 'https://{instance}/ws/oauth/authorize',
    token: 'https://{instance}/ws/oauth/token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  templates: [
    oneOf(
      'instance',
      'Instance host',
      'The NinjaOne region of the account: app.ninjarmm.com (US), us2.ninjarmm.com, eu.ninjarmm.com, ca.ninjarmm.com, oc.ninjarmm.com.',
      ['app.ninjarmm.com', 'us2.ninjarmm.com', 'eu.ninjarmm.com', 'ca.ninjarmm.com', 'oc.ninjarmm.com'],
      'app.ninjarmm.com',
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
  docs: {
    registerUrl: 'https://app.ninjarmm.com/apidocs/?links.active=authorization',
  },
  uncertain: [
    'Client credentials: the token request is taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
  ],
});
