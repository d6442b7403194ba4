import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'bitbucket',
  displayName: 'Bitbucket Cloud',
  categories: ['dev-tools'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://bitbucket.org/site/oauth2/authorize',
    token: 'https://bitbucket.org/site/oauth2/access_token',
  },
  clientAuth: 'client_secret_basic',
  pkce: false,
  refreshToken: { issued: 'always', rotates: false, notes: 'Access tokens last two hours.' },
  scopes: [
    { name: 'account', description: 'The user’s account.' },
    { name: 'email', description: 'The user’s email addresses.' },
    { name: 'repository', description: 'Read repositories.' },
    { name: 'repository:write', description: 'Push to repositories.' },
    { name: 'pullrequest', description: 'Read pull requests.' },
  ],
  presets: { login: ['account', 'email'] },
  docs: {
    registerUrl: 'https://bitbucket.org/account/settings/',
    notes: ['Scopes are chosen on the OAuth consumer in Bitbucket; the request cannot widen them.'],
  },
  uncertain: ['Whether a refresh returns a new refresh token is not documented.'],
});
