import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'discord',
  displayName: 'Discord',
  categories: ['communication', 'social'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://discord.com/oauth2/authorize',
    token: 'https://discord.com/api/oauth2/token',
    revocation: 'https://discord.com/api/oauth2/token/revoke',
  },
  clientAuth: 'client_secret_basic',
  pkce: true,
  refreshToken: { issued: 'always', rotates: true, notes: 'Access tokens last seven days.' },
  scopes: [
    { name: 'identify', description: 'The user’s id, name and avatar.' },
    { name: 'email', description: 'The user’s email address.' },
    { name: 'guilds', description: 'The servers the user is in.' },
  ],
  presets: { login: ['identify', 'email'] },
  docs: { registerUrl: 'https://discord.com/developers/applications' },
  uncertain: ['PKCE support comes from community sources.'],
});
