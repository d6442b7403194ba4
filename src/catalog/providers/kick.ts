import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'kick',
  displayName: 'Kick',
  categories: ['video', 'social'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://id.kick.com/oauth/authorize',
    token: 'https://id.kick.com/oauth/token',
    revocation: 'https://id.kick.com/oauth/revoke',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  refreshToken: { issued: 'always', rotates: true },
  scopes: [
    { name: 'user:read', description: 'The user’s profile.' },
    { name: 'channel:read', description: 'The user’s channel.' },
    { name: 'chat:write', description: 'Send chat messages.' },
  ],
  presets: { login: ['user:read'] },
  docs: { registerUrl: 'https://docs.kick.com/getting-started/kick-apps-setup' },
  uncertain: [
    'Kick’s revocation endpoint takes the token as a query parameter in its docs; RFC 7009 form is sent here.',
  ],
});
