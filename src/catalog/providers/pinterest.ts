import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'pinterest',
  displayName: 'Pinterest',
  categories: ['social', 'marketing'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://www.pinterest.com/oauth/',
    token: 'https://api.pinterest.com/v5/oauth/token',
  },
  clientAuth: 'client_secret_basic',
  pkce: false,
  scopeSeparator: ',',
  refreshToken: {
    issued: 'always',
    rotates: false,
    lifetimeDays: 365,
    notes: 'Access tokens last 30 days, refresh tokens one year.',
  },
  scopes: [
    { name: 'user_accounts:read', description: 'The user’s account.' },
    { name: 'boards:read', description: 'Read boards.' },
    { name: 'pins:read', description: 'Read pins.' },
    { name: 'boards:write', description: 'Create and edit boards.' },
    { name: 'pins:write', description: 'Create and edit pins.' },
  ],
  presets: { login: ['user_accounts:read'] },
  docs: { registerUrl: 'https://developers.pinterest.com/apps/' },
  uncertain: ['Whether refresh tokens rotate (“continuous refresh”) depends on the app’s creation date.'],
});
