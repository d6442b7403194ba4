import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'linkhut',
  displayName: 'LinkHut',
  categories: ['social'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://ln.ht/_/oauth/authorize',
    token: 'https://api.ln.ht/v1/oauth/token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://docs.ln.ht/',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
