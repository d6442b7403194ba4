import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'deviantart',
  displayName: 'DeviantArt',
  categories: ['design', 'social'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://www.deviantart.com/oauth2/authorize',
    token: 'https://www.deviantart.com/oauth2/token',
    revocation: 'https://www.deviantart.com/oauth2/revoke',
  },
  clientAuth: 'client_secret_post',
  pkce: false,
  refreshToken: {
    issued: 'always',
    rotates: true,
    lifetimeDays: 90,
    notes: 'Access tokens last one hour; refresh tokens three months.',
  },
  scopes: [
    { name: 'basic', description: 'The user’s public profile.' },
    { name: 'user', description: 'The user’s profile details.' },
    { name: 'browse', description: 'Browse deviations on the user’s behalf.' },
    { name: 'stash', description: 'The user’s Sta.sh storage.' },
  ],
  presets: { login: ['basic', 'user'] },
  docs: { registerUrl: 'https://www.deviantart.com/developers/register' },
  uncertain: [
    'The revocation endpoint is DeviantArt’s own (token + revoke_refresh_only); RFC 7009 form is assumed.',
  ],
});
