import { defineProvider } from '../provider.ts';
import { oneOf } from './shapes.ts';

export default defineProvider({
  key: 'dentally',
  displayName: 'Dentally',
  categories: ['other'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://{domain}/oauth/authorize',
    token: 'https://{domain}/oauth/token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  templates: [
    oneOf(
      'domain',
      'Environment host',
      '“api.dentally.co” for production, “api.sandbox.dentally.co” for the sandbox.',
      ['api.dentally.co', 'api.sandbox.dentally.co'],
      'api.dentally.co',
    ),
  ],
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://developer.dentally.co/',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
