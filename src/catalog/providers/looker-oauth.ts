import { defineProvider } from '../provider.ts';
import { hostName } from './shapes.ts';

export default defineProvider({
  key: 'looker-oauth',
  displayName: 'Looker (OAuth)',
  categories: ['analytics'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://{hostname}/auth',
    token: 'https://{api_hostname}/api/token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  tokenRequestBody: 'json',
  templates: [
    hostName('hostname', 'Looker host', 'The host name of your Looker instance.', 'acme.cloud.looker.com'),
    hostName(
      'api_hostname',
      'Looker API host',
      'The host (and port, if any) of your Looker API, often the same as the instance.',
      'acme.cloud.looker.com',
    ),
  ],
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  scopes: [
    {
      name: 'cors_api',
      description: 'The Looker API from the signed-in user’s session.',
    },
  ],
  docs: {
    registerUrl: 'https://cloud.google.com/looker/docs/api-cors',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
