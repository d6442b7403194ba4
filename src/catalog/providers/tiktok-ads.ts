import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'tiktok-ads',
  displayName: 'TikTok Ads',
  categories: ['social'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://business-api.tiktok.com/portal/auth',
    token: 'https://business-api.tiktok.com/open_api/v1.3/oauth2/access_token/',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://business-api.tiktok.com/portal/docs?id=1738373164380162',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
