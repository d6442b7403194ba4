import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'payfit',
  displayName: 'Payfit',
  categories: ['hr'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://oauth.payfit.com/authorize',
    token: 'https://oauth.payfit.com/token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://developers.payfit.io/docs/oauth',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'The published catalog lists another provider’s token URL; https://oauth.payfit.com/token is used instead.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
