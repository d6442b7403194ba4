import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'addepar',
  displayName: 'Addepar (OAuth)',
  categories: ['analytics'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://id.addepar.com/oauth2/authorize',
    token: 'https://api.addepar.com/public/oauth2/token',
  },
  clientAuth: 'client_secret_post',
  pkce: false,
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://developers.addepar.com/docs/oauth',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
