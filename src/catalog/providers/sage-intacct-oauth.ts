import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'sage-intacct-oauth',
  displayName: 'Sage Intacct (OAuth)',
  categories: ['accounting', 'erp', 'popular'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://api.intacct.com/ia/api/v1/oauth2/authorize',
    token: 'https://api.intacct.com/ia/api/v1/oauth2/token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl:
      'https://developer.sage.com/intacct/docs/developer-portal/guides/oauth-authorization-code-flow/',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
