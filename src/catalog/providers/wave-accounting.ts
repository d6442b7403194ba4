import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'wave-accounting',
  displayName: 'Wave Accounting',
  categories: ['accounting'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://api.waveapps.com/oauth2/authorize',
    token: 'https://api.waveapps.com/oauth2/token/',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://developer.waveapps.com/hc/en-us/articles/360019493652-OAuth-Guide',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
