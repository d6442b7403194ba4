import { defineProvider } from '../provider.ts';
import { hostName } from './shapes.ts';

export default defineProvider({
  key: 'freshworks',
  displayName: 'Freshworks',
  categories: ['crm', 'support'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://{hostname}/org/oauth/v2/authorize',
    token: 'https://{hostname}/org/oauth/v2/token',
  },
  clientAuth: 'client_secret_basic',
  pkce: false,
  templates: [
    hostName(
      'hostname',
      'Organisation host',
      'Your Freshworks organisation domain, such as acme.myfreshworks.com.',
      'acme.myfreshworks.com',
    ),
  ],
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://developers.freshworks.com/',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
