import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'bullhorn',
  displayName: 'Bullhorn',
  categories: ['hr', 'ats'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://auth-west.bullhornstaffing.com/oauth/authorize',
    token: 'https://auth-west.bullhornstaffing.com/oauth/token',
  },
  clientAuth: 'client_secret_post',
  pkce: false,
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://bullhorn.github.io/Getting-Started-with-REST/',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Bullhorn’s REST login after the token exchange (BhRestToken) is not modelled.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
