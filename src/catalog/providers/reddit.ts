import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'reddit',
  displayName: 'Reddit',
  categories: ['social'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://www.reddit.com/api/v1/authorize',
    token: 'https://www.reddit.com/api/v1/access_token',
    revocation: 'https://www.reddit.com/api/v1/revoke_token',
  },
  clientAuth: 'client_secret_basic',
  pkce: false,
  // duration=permanent is what makes Reddit issue a refresh token.
  authorizationParams: { duration: 'permanent' },
  refreshToken: {
    issued: 'with_param',
    rotates: false,
    notes: 'Access tokens last one hour.',
  },
  scopes: [
    { name: 'identity', description: 'The user’s name and signup date.' },
    { name: 'read', description: 'Read posts and comments.' },
    { name: 'submit', description: 'Submit links and comments.' },
    { name: 'history', description: 'The user’s voting history and saved items.' },
  ],
  presets: { login: ['identity'] },
  docs: {
    registerUrl: 'https://www.reddit.com/prefs/apps',
    notes: ['Reddit rate-limits generic User-Agents on API calls; consumers should send a descriptive one.'],
  },
  uncertain: ['Reddit’s docs have described the scope list as both comma- and space-separated.'],
});
