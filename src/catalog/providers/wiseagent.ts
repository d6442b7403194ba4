import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'wiseagent',
  displayName: 'Wiseagent',
  categories: ['crm'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://sync.thewiseagent.com/WiseAuth/auth',
    token: 'https://sync.thewiseagent.com/WiseAuth/token',
  },
  clientAuth: 'client_secret_post',
  pkce: false,
  tokenRequestBody: 'json',
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://dev.thewiseagent.com/',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
