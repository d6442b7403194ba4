import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'squareup-sandbox',
  displayName: 'Squareup (Sandbox)',
  categories: ['payment'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://connect.squareupsandbox.com/oauth2/authorize',
    token: 'https://connect.squareupsandbox.com/oauth2/token',
  },
  clientAuth: 'client_secret_post',
  pkce: false,
  authorizationParams: {
    session: 'false',
  },
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://developer.squareup.com/docs/oauth-api/overview',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
