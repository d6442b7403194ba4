import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'miro',
  displayName: 'Miro',
  categories: ['design', 'productivity'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://miro.com/oauth/authorize',
    token: 'https://api.miro.com/v1/oauth/token',
  },
  clientAuth: 'client_secret_post',
  pkce: false,
  refreshToken: {
    issued: 'unknown',
    rotates: true,
    lifetimeDays: 60,
    notes: 'With “expiring access tokens” on the app: access one hour, refresh 60 days, rotated on use.',
  },
  scopes: [
    { name: 'boards:read', description: 'Read boards.' },
    { name: 'boards:write', description: 'Create and edit boards.' },
  ],
  presets: {},
  docs: { registerUrl: 'https://miro.com/app/settings/user-profile/apps' },
});
