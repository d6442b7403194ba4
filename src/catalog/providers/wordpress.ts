import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'wordpress',
  displayName: 'WordPress',
  categories: ['dev-tools', 'design', 'cms'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://public-api.wordpress.com/oauth2/authorize',
    token: 'https://public-api.wordpress.com/oauth2/token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  refreshToken: { issued: 'never', rotates: false, notes: 'Access tokens do not expire.' },
  scopes: [
    { name: 'auth', description: 'The user’s profile (sign-in).' },
    { name: 'global', description: 'Everything the user can do on their sites.' },
    { name: 'posts', description: 'The user’s posts on one blog.' },
  ],
  presets: { login: ['auth'] },
  docs: {
    registerUrl: 'https://developer.wordpress.com/docs/oauth2/',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
  ],
});
