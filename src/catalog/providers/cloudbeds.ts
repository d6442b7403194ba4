import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'cloudbeds',
  displayName: 'Cloudbeds',
  categories: ['other'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://api.cloudbeds.com/api/v1.3/oauth',
    token: 'https://api.cloudbeds.com/api/v1.3/access_token',
  },
  clientAuth: 'client_secret_post',
  pkce: false,
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://developers.cloudbeds.com/docs/authentication',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
