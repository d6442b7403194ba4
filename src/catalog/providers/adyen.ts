import { defineProvider } from '../provider.ts';
import { oneOf } from './shapes.ts';

export default defineProvider({
  key: 'adyen',
  displayName: 'Adyen',
  categories: ['payment'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://ca-{environment}.adyen.com/ca/ca/oauth/connect.shtml',
    token: 'https://oauth-{environment}.adyen.com/v1/token',
  },
  clientAuth: 'client_secret_basic',
  pkce: true,
  templates: [
    oneOf(
      'environment',
      'Environment',
      '“test” for the test environment, “live” for production.',
      ['test', 'live'],
      'test',
    ),
  ],
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://docs.adyen.com/development-resources/oauth/integration',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
