import { defineProvider } from '../provider.ts';
import { hostName } from './shapes.ts';

export default defineProvider({
  key: 'odoo',
  displayName: 'Odoo (OAuth)',
  categories: ['erp'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://{server_url}/restapi/1.0/common/oauth2/authorize',
    token: 'https://{server_url}/restapi/1.0/common/oauth2/access_token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  templates: [hostName('server_url', 'Odoo host', 'The host name of your Odoo server.', 'acme.odoo.com')],
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://www.odoo.com/documentation/',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
