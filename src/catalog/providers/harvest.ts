import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'harvest',
  displayName: 'Harvest',
  categories: ['productivity'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://id.getharvest.com/oauth2/authorize',
    token: 'https://id.getharvest.com/api/v2/oauth2/token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  refreshToken: {
    issued: 'always',
    rotates: 'unknown',
    notes: 'Access tokens last 14 days; refresh tokens 30 days.',
  },
  docs: {
    registerUrl: 'https://help.getharvest.com/api-v2/authentication-api/authentication/authentication/',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh behaviour as the provider documented it at the time of writing; not re-checked here.',
  ],
});
