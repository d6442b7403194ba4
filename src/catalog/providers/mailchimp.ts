import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'mailchimp',
  displayName: 'Mailchimp',
  categories: ['marketing', 'surveys'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://login.mailchimp.com/oauth2/authorize',
    token: 'https://login.mailchimp.com/oauth2/token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://mailchimp.com/developer/marketing/guides/access-user-data-oauth-2/',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
