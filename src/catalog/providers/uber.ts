import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'uber',
  displayName: 'Uber',
  categories: ['other'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://login.uber.com/oauth/v2/authorize',
    token: 'https://login.uber.com/oauth/v2/token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  refreshToken: { issued: 'always', rotates: 'unknown', notes: 'Access tokens last 30 days.' },
  scopes: [
    { name: 'profile', description: 'The rider’s name, email and picture.' },
    { name: 'history', description: 'The rider’s trip history.' },
  ],
  presets: { login: ['profile'] },
  docs: {
    registerUrl: 'https://developer.uber.com/docs/riders/guides/authentication/user-access-token',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh behaviour as the provider documented it at the time of writing; not re-checked here.',
  ],
});
