import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'getty-images',
  displayName: 'Getty Images',
  categories: ['design'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://authentication.gettyimages.com/oauth2/auth',
    token: 'https://authentication.gettyimages.com/oauth2/token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://developers.gettyimages.com/docs/authorization/',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
