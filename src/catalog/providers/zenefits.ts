import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'zenefits',
  displayName: 'Zenefits',
  categories: ['hr'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://secure.zenefits.com/oauth2/platform-authorize',
    token: 'https://secure.zenefits.com/oauth2/token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://developers.zenefits.com/docs/oauth',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
