import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'salesloft',
  displayName: 'Salesloft',
  categories: ['marketing'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://accounts.salesloft.com/oauth/authorize',
    token: 'https://accounts.salesloft.com/oauth/token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  refreshToken: { issued: 'always', rotates: 'unknown', notes: 'Access tokens last 2 hours.' },
  docs: {
    registerUrl: 'https://developers.salesloft.com/docs/platform/api-basics/oauth-authentication/',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh behaviour as the provider documented it at the time of writing; not re-checked here.',
  ],
});
