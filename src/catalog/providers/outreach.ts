import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'outreach',
  displayName: 'Outreach',
  categories: ['marketing'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://api.outreach.io/oauth/authorize',
    token: 'https://api.outreach.io/oauth/token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://developers.outreach.io/api/oauth/',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
