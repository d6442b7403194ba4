import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'hover',
  displayName: 'Hover',
  categories: ['productivity'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://hover.to/oauth/authorize',
    token: 'https://hover.to/oauth/token',
  },
  clientAuth: 'client_secret_basic',
  pkce: false,
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://developers.hover.to/',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
