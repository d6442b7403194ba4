import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'dribbble',
  displayName: 'Dribbble',
  categories: ['design', 'social'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://dribbble.com/oauth/authorize',
    token: 'https://dribbble.com/oauth/token',
  },
  clientAuth: 'client_secret_post',
  pkce: false,
  refreshToken: { issued: 'never', rotates: false, notes: 'Access tokens do not expire.' },
  scopes: [
    { name: 'public', description: 'Read the user’s public data.' },
    { name: 'upload', description: 'Upload and update the user’s shots.' },
  ],
  presets: { login: ['public'] },
  docs: { registerUrl: 'https://dribbble.com/account/applications/new' },
});
