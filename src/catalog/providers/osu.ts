import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'osu',
  displayName: 'Osu',
  categories: ['gaming'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://osu.ppy.sh/oauth/authorize',
    token: 'https://osu.ppy.sh/oauth/token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  refreshToken: { issued: 'always', rotates: true, notes: 'Access tokens last one day.' },
  scopes: [
    { name: 'identify', description: 'Read the user’s public profile.' },
    { name: 'public', description: 'Read public data on the user’s behalf.' },
  ],
  presets: { login: ['identify'] },
  docs: {
    registerUrl: 'https://osu.ppy.sh/docs/#authentication',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh behaviour as the provider documented it at the time of writing; not re-checked here.',
  ],
});
