import { defineProvider } from '../provider.ts';
import { hostName } from './shapes.ts';

export default defineProvider({
  key: 'adobe-workfront',
  displayName: 'Adobe Workfront',
  categories: ['productivity'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://{hostname}/integrations/oauth2/authorize',
    token: 'https://{hostname}/integrations/oauth2/api/v1/token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  tokenRequestBody: 'json',
  templates: [
    hostName(
      'hostname',
      'Workfront host',
      'Your Workfront domain, such as acme.my.workfront.com.',
      'acme.my.workfront.com',
    ),
  ],
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl:
      'https://experienceleague.adobe.com/en/docs/workfront/using/adm/configure-and-integrate/create-oauth-application',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
