import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'tiktok-accounts',
  displayName: 'TikTok Accounts',
  categories: ['social'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://www.tiktok.com/v2/auth/authorize/',
    token: 'https://business-api.tiktok.com/open_api/v1.3/tt_user/oauth2/token/',
    refresh: 'https://business-api.tiktok.com/open_api/v1.3/tt_user/oauth2/refresh_token/',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  scopeSeparator: ',',
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://business-api.tiktok.com/portal/docs?id=1832184159540418',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
    'TikTok names the client id `client_key`; the engine sends `client_id` — a quirk module is needed before this entry works against TikTok.',
  ],
});
