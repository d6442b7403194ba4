import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'hubstaff',
  displayName: 'Hubstaff',
  categories: ['hr', 'productivity'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://account.hubstaff.com/authorizations/new',
    token: 'https://account.hubstaff.com/access_tokens',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://developer.hubstaff.com/authentication',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Hubstaff documents a nonce with OpenID sign-in; it is not sent on plain OAuth flows here.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
