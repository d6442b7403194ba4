import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'basecamp',
  displayName: 'Basecamp',
  categories: ['productivity'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://launchpad.37signals.com/authorization/new',
    token: 'https://launchpad.37signals.com/authorization/token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  authorizationParams: {
    type: 'web_server',
  },
  tokenParams: {
    type: 'web_server',
  },
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://github.com/basecamp/api/blob/master/sections/authentication.md',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
