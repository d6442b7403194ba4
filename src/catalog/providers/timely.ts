import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'timely',
  displayName: 'Timely',
  categories: ['productivity'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://api.timelyapp.com/1.1/oauth/authorize',
    token: 'https://api.timelyapp.com/1.1/oauth/token',
  },
  clientAuth: 'client_secret_post',
  pkce: false,
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://dev.timelyapp.com/#authorization',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
