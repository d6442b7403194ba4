import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'tiktok-personal',
  displayName: 'TikTok Personal',
  categories: ['social'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://www.tiktok.com/v2/auth/authorize/',
    token: 'https://open.tiktokapis.com/v2/oauth/token/',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  scopeSeparator: ',',
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://developers.tiktok.com/doc/oauth-user-access-token-management',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
    'TikTok names the client id `client_key` (in the consent URL and token request); the engine sends `client_id` — a quirk module is needed before this entry works against TikTok.',
  ],
});
