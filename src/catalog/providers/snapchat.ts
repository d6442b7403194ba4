import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'snapchat',
  displayName: 'Snapchat (Ads API)',
  categories: ['video', 'social'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://accounts.snapchat.com/login/oauth2/authorize',
    token: 'https://accounts.snapchat.com/login/oauth2/access_token',
  },
  clientAuth: 'client_secret_post',
  pkce: false,
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://developers.snap.com/api/marketing-api/Ads-API/authentication',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
