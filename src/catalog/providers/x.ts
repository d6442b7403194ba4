import { defineProvider } from '../provider.ts';

/** X (Twitter) API v2 OAuth 2.0 with PKCE. */
export default defineProvider({
  key: 'x',
  displayName: 'X (Twitter)',
  categories: ['social'],
  protocol: 'oauth2',
  grants: ['authorization_code', 'client_credentials'],
  clientCredentials: {
    token: 'https://api.x.com/oauth2/token',
    notes: 'App-only bearer token (public data only); X does not say when it expires.',
  },
  endpoints: {
    authorization: 'https://x.com/i/oauth2/authorize',
    token: 'https://api.x.com/2/oauth2/token',
    revocation: 'https://api.x.com/2/oauth2/revoke',
  },
  clientAuth: 'client_secret_basic',
  pkce: true,
  refreshToken: {
    issued: 'with_scope',
    rotates: true,
    notes: 'Needs offline.access. Access tokens last two hours.',
  },
  scopes: [
    { name: 'users.read', description: 'The user’s profile.' },
    { name: 'tweet.read', description: 'Read posts.' },
    { name: 'tweet.write', description: 'Post on the user’s behalf.' },
    { name: 'offline.access', description: 'A refresh token.' },
  ],
  presets: { login: ['users.read', 'tweet.read'] },
  docs: { registerUrl: 'https://developer.x.com/en/portal/dashboard' },
  uncertain: ['Refresh-token rotation comes from community sources.'],
});
