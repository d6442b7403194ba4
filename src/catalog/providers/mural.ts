import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'mural',
  displayName: 'Mural',
  categories: ['design'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://app.mural.co/api/public/v1/authorization/oauth2',
    token: 'https://app.mural.co/api/public/v1/authorization/oauth2/token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://developers.mural.co/public/docs/oauth',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
