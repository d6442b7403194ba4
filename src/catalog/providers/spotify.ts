import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'spotify',
  displayName: 'Spotify',
  categories: ['other'],
  protocol: 'oauth2',
  grants: ['authorization_code', 'client_credentials'],
  clientCredentials: { notes: 'App-only access: public catalog data, no user’s data.' },
  endpoints: {
    authorization: 'https://accounts.spotify.com/authorize',
    token: 'https://accounts.spotify.com/api/token',
  },
  clientAuth: 'client_secret_basic',
  pkce: true,
  refreshToken: {
    issued: 'always',
    rotates: 'unknown',
    notes: 'Access tokens last one hour; a refresh may return a new refresh token (then use it).',
  },
  scopes: [
    { name: 'user-read-email', description: 'Email address.' },
    { name: 'user-read-private', description: 'Subscription details and country.' },
    { name: 'playlist-read-private', description: 'Private playlists.' },
  ],
  presets: { login: ['user-read-email'] },
  docs: { registerUrl: 'https://developer.spotify.com/dashboard' },
  uncertain: [
    'Client credentials: the token request is taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
  ],
});
