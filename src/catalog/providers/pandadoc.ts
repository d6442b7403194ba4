import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'pandadoc',
  displayName: 'Pandadoc',
  categories: ['legal'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://app.pandadoc.com/oauth2/authorize',
    token: 'https://api.pandadoc.com/oauth2/access_token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://developers.pandadoc.com/reference/authentication-process',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
