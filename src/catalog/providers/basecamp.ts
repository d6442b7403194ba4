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
  refreshToken: { issued: 'always', rotates: false, notes: 'Access tokens last two weeks.' },
  // Refresh requests carry type=refresh instead of the exchange's type=web_server.
  quirks: 'basecamp',
  docs: {
    registerUrl: 'https://github.com/basecamp/api/blob/master/sections/authentication.md',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Basecamp documents type=web_server / type=refresh; Consentry sends them together with the standard grant_type, which Basecamp is not documented to refuse.',
  ],
});
