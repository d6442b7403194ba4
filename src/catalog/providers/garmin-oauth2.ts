import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'garmin-oauth2',
  displayName: 'Garmin (OAuth2)',
  categories: ['sports'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://connect.garmin.com/oauth2Confirm',
    token: 'https://diauth.garmin.com/di-oauth2-service/oauth/token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://developer.garmin.com/gc-developer-program/',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
