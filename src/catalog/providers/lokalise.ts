import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'lokalise',
  displayName: 'Lokalise',
  categories: ['productivity'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://app.lokalise.com/oauth2/auth',
    token: 'https://app.lokalise.com/oauth2/token',
  },
  clientAuth: 'client_secret_post',
  pkce: false,
  tokenRequestBody: 'json',
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://developers.lokalise.com/docs/oauth2-flow',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
