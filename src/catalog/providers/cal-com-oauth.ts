import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'cal-com-oauth',
  displayName: 'Cal.com (OAuth)',
  categories: ['productivity'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://app.cal.com/auth/oauth2/authorize',
    token: 'https://api.cal.com/v2/auth/oauth2/token',
  },
  clientAuth: 'client_secret_post',
  pkce: false,
  tokenRequestBody: 'json',
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://cal.com/docs/api-reference/v2/oauth',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
