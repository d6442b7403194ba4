import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'sage',
  displayName: 'Sage',
  categories: ['accounting', 'erp'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://www.sageone.com/oauth2/auth/central',
    token: 'https://oauth.accounting.sage.com/token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  authorizationParams: {
    filter: 'apiv3.1',
  },
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://developer.sage.com/accounting/guides/authenticating/authentication/',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
