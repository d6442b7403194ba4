import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'followupboss',
  displayName: 'Follow Up Boss',
  categories: ['crm'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://app.followupboss.com/oauth/authorize',
    token: 'https://app.followupboss.com/oauth/token',
  },
  clientAuth: 'client_secret_post',
  pkce: false,
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://docs.followupboss.com/docs/oauth',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
