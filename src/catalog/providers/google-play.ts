import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'google-play',
  displayName: 'Google Play',
  categories: ['dev-tools'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://accounts.google.com/o/oauth2/auth',
    token: 'https://accounts.google.com/o/oauth2/token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  authorizationParams: {
    access_type: 'offline',
    prompt: 'consent',
  },
  refreshToken: {
    issued: 'with_param',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://developers.google.com/android-publisher/authorization',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
  ],
});
