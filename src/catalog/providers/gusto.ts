import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'gusto',
  displayName: 'Gusto',
  categories: ['hr'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://api.gusto.com/oauth/authorize',
    token: 'https://api.gusto.com/oauth/token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  refreshToken: {
    issued: 'always',
    rotates: true,
    notes: 'Access tokens last 2 hours; each refresh token is single use.',
  },
  docs: {
    registerUrl: 'https://docs.gusto.com/app-integrations/docs/authentication',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh behaviour as the provider documented it at the time of writing; not re-checked here.',
  ],
});
