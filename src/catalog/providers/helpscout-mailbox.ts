import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'helpscout-mailbox',
  displayName: 'Help Scout Mailbox',
  categories: ['support'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://secure.helpscout.net/authentication/authorizeClientApplication',
    token: 'https://api.helpscout.net/v2/oauth2/token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://developer.helpscout.com/mailbox-api/overview/authentication/',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
