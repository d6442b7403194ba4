import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'whoop',
  displayName: 'Whoop',
  categories: ['sports'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://api.prod.whoop.com/oauth/oauth2/auth',
    token: 'https://api.prod.whoop.com/oauth/oauth2/token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  refreshToken: {
    issued: 'with_scope',
    rotates: true,
    notes: 'Needs the offline scope; each refresh returns a new refresh token.',
  },
  scopes: [
    { name: 'offline', description: 'A refresh token.' },
    { name: 'read:profile', description: 'The user’s name and email.' },
    { name: 'read:recovery', description: 'Recovery data.' },
    { name: 'read:sleep', description: 'Sleep data.' },
    { name: 'read:workout', description: 'Workouts.' },
  ],
  presets: { login: ['read:profile'] },
  docs: {
    registerUrl: 'https://developer.whoop.com/docs/developing/oauth',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh behaviour as the provider documented it at the time of writing; not re-checked here.',
  ],
});
