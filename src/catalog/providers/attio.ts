import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'attio',
  displayName: 'Attio',
  categories: ['crm', 'popular'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://app.attio.com/authorize',
    token: 'https://app.attio.com/oauth/token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://docs.attio.com/rest-api/tutorials/connect-an-app-through-oauth',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
