import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'oura',
  displayName: 'Oura',
  categories: ['sports'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://cloud.ouraring.com/oauth/authorize',
    token: 'https://api.ouraring.com/oauth/token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  refreshToken: { issued: 'always', rotates: true, notes: 'Each refresh token is single use.' },
  scopes: [
    { name: 'email', description: 'The user’s email address.' },
    { name: 'personal', description: 'Age, weight, height, sex.' },
    { name: 'daily', description: 'Daily sleep, activity and readiness.' },
    { name: 'heartrate', description: 'Heart rate.' },
    { name: 'workout', description: 'Workouts.' },
  ],
  presets: { login: ['email'] },
  docs: {
    registerUrl: 'https://cloud.ouraring.com/docs/authentication',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh behaviour as the provider documented it at the time of writing; not re-checked here.',
  ],
});
