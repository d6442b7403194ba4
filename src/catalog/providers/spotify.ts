import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'spotify',
  displayName: 'Spotify',
  categories: ['other'],
  protocol: 'oauth2',
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
});
