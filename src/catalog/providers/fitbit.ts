import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'fitbit',
  displayName: 'Fitbit',
  categories: ['sports'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://www.fitbit.com/oauth2/authorize',
    token: 'https://api.fitbit.com/oauth2/token',
    revocation: 'https://api.fitbit.com/oauth2/revoke',
  },
  clientAuth: 'client_secret_basic',
  pkce: true,
  refreshToken: {
    issued: 'always',
    rotates: true,
    notes: 'Single use: each refresh returns a new refresh token. Access tokens last 8 hours.',
  },
  scopes: [
    { name: 'profile', description: 'Profile information.' },
    { name: 'activity', description: 'Activity and exercise data.' },
    { name: 'heartrate', description: 'Heart rate data.' },
    { name: 'sleep', description: 'Sleep data.' },
  ],
  presets: {},
  docs: { registerUrl: 'https://dev.fitbit.com/apps/new' },
});
