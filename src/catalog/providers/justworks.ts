import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'justworks',
  displayName: 'Justworks',
  categories: ['hr'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://payroll.justworks.com/oauth/authorize',
    token: 'https://public-api.justworks.com/oauth/token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://public-api.justworks.com/',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
