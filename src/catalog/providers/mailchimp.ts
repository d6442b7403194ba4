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
    issued: 'never',
    rotates: false,
    notes:
      'Access tokens do not expire; the account’s data centre comes from the metadata endpoint (login.mailchimp.com/oauth2/metadata).',
  },
  docs: {
    registerUrl: 'https://mailchimp.com/developer/marketing/guides/access-user-data-oauth-2/',
    notes: ['Mailchimp has no scopes: a token acts as the account.'],
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
  ],
  quirks: 'mailchimp',
});
