import { defineProvider } from '../provider.ts';
import { hostName } from './shapes.ts';

export default defineProvider({
  key: 'maximizer-on-premise',
  displayName: 'Maximizer (On-Premise)',
  categories: ['crm'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://{hostname}/MaximizerWebAuthentication/OAuth2/Authorize',
    token: 'https://{hostname}/MaximizerWebAuthentication/OAuth2/Token',
  },
  clientAuth: 'client_secret_post',
  pkce: false,
  templates: [
    hostName(
      'hostname',
      'Server host',
      'The host name of your Maximizer Web Access server.',
      'crm.example.com',
    ),
  ],
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://developer.maximizer.com/',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
