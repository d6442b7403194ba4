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
    issued: 'always',
    rotates: true,
    notes: 'Access tokens last 2 days; each refresh returns a new refresh token.',
  },
  docs: {
    registerUrl: 'https://developer.helpscout.com/mailbox-api/overview/authentication/',
    notes: ['Help Scout has no scopes: a token acts as the user.'],
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh behaviour as the provider documented it at the time of writing; not re-checked here.',
  ],
});
