import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'zapier-nla',
  displayName: 'Zapier NLA',
  categories: ['productivity'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://nla.zapier.com/oauth/authorize/',
    token: 'https://nla.zapier.com/oauth/token/',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://nla.zapier.com/docs/',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
