import { defineProvider } from '../provider.ts';
import { oneOf } from './shapes.ts';

export default defineProvider({
  key: 'rydership',
  displayName: 'RyderShip',
  categories: ['e-commerce'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://{environment}/oauth/authorize',
    token: 'https://{environment}/oauth/token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  templates: [
    oneOf(
      'environment',
      'Environment host',
      'The RyderShip environment host, production or staging.',
      ['api.rydership.com', 'api.staging.rydership.com'],
      'api.rydership.com',
    ),
  ],
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://developer.rydership.com/',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
