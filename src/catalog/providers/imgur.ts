import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'imgur',
  displayName: 'Imgur',
  categories: ['social', 'design'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://api.imgur.com/oauth2/authorize',
    token: 'https://api.imgur.com/oauth2/token',
  },
  clientAuth: 'client_secret_post',
  pkce: false,
  refreshToken: {
    issued: 'always',
    rotates: false,
    notes: 'Access tokens last a month; refresh tokens do not expire.',
  },
  keepResponseFields: ['account_username', 'account_id'],
  docs: {
    registerUrl: 'https://api.imgur.com/oauth2/addclient',
    notes: ['Imgur has no scopes: a token acts as the user.'],
  },
  uncertain: ['PKCE is not documented by Imgur and is not sent.'],
});
