import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'spendesk',
  displayName: 'Spendesk',
  categories: ['accounting', 'invoicing'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://public-api.spendesk.com/v1/oauth2/authorize',
    token: 'https://public-api.spendesk.com/v1/oauth2/token/create',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  tokenRequestBody: 'json',
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://developer.spendesk.com/',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
