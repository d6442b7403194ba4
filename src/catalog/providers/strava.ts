import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'strava',
  displayName: 'Strava',
  categories: ['sports'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://www.strava.com/oauth/authorize',
    token: 'https://www.strava.com/oauth/token',
  },
  clientAuth: 'client_secret_post',
  pkce: false,
  scopeSeparator: ',',
  // Deauthorises the app for the athlete: every access and refresh token it holds stops working.
  revocation: {
    url: 'https://www.strava.com/oauth/deauthorize',
    tokenIn: 'form',
    tokenParam: 'access_token',
    okStatus: [200],
  },
  refreshToken: {
    issued: 'always',
    rotates: true,
    notes:
      'Access tokens last six hours; a refresh may return a new refresh token, and only the newest works.',
  },
  scopes: [
    { name: 'read', description: 'Public profile and segments.' },
    { name: 'profile:read_all', description: 'The full profile, including private details.' },
    { name: 'activity:read', description: 'Activities visible to everyone or followers.' },
    { name: 'activity:read_all', description: 'All activities, including private ones.' },
    { name: 'activity:write', description: 'Create and edit activities.' },
  ],
  presets: { login: ['read'] },
  docs: {
    registerUrl: 'https://www.strava.com/settings/api',
    notes: [
      'Strava registers a callback domain, not a URL: enter the host of the Redirect URL.',
      'Disconnecting calls POST /oauth/deauthorize (not RFC 7009): the athlete’s app authorisation ends.',
    ],
  },
});
