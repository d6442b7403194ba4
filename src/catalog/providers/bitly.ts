import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'bitly',
  displayName: 'Bitly',
  categories: ['marketing', 'social'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://bitly.com/oauth/authorize',
    token: 'https://api-ssl.bitly.com/oauth/access_token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  refreshToken: { issued: 'never', rotates: false, notes: 'Access tokens do not expire.' },
  docs: {
    registerUrl: 'https://dev.bitly.com/docs/getting-started/authentication/',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
  ],
});
