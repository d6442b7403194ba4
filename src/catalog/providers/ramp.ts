import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'ramp',
  displayName: 'Ramp',
  categories: ['banking'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://app.ramp.com/v1/authorize',
    token: 'https://api.ramp.com/developer/v1/token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://docs.ramp.com/developer-api/v1/authorization',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
