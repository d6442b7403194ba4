import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'asana',
  displayName: 'Asana',
  categories: ['productivity', 'ticketing'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://app.asana.com/-/oauth_authorize',
    token: 'https://app.asana.com/-/oauth_token',
    revocation: 'https://app.asana.com/-/oauth_revoke',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  refreshToken: { issued: 'always', rotates: false, notes: 'Access tokens last one hour.' },
  scopes: [{ name: 'default', description: 'Full access to the user’s Asana data.' }],
  presets: {},
  docs: { registerUrl: 'https://app.asana.com/0/my-apps' },
  uncertain: ['Newer apps may use granular scopes instead of “default”.'],
});
