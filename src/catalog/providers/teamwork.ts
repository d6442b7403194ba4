import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'teamwork',
  displayName: 'Teamwork',
  categories: ['productivity', 'ticketing'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://www.teamwork.com/launchpad/login',
    token: 'https://www.teamwork.com/launchpad/v1/token.json',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://apidocs.teamwork.com/guides/teamwork/app-login-flow',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
