import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'autodesk',
  displayName: 'Autodesk',
  categories: ['design'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://developer.api.autodesk.com/authentication/v2/authorize',
    token: 'https://developer.api.autodesk.com/authentication/v2/token',
  },
  clientAuth: 'client_secret_post',
  pkce: false,
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://aps.autodesk.com/en/docs/oauth/v2/developers_guide/overview/',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
