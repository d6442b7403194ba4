import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'greenhouse-harvest-partner',
  displayName: 'Greenhouse Harvest Partner (V3)',
  categories: ['ats'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://auth.greenhouse.io/authorize',
    token: 'https://auth.greenhouse.io/token',
  },
  clientAuth: 'client_secret_basic',
  pkce: false,
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://developers.greenhouse.io/harvest.html',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
