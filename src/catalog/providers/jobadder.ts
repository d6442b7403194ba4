import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'jobadder',
  displayName: 'Jobadder',
  categories: ['hr', 'ats'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://id.jobadder.com/connect/authorize',
    token: 'https://id.jobadder.com/connect/token',
  },
  clientAuth: 'client_secret_post',
  pkce: false,
  refreshToken: {
    issued: 'with_scope',
    rotates: 'unknown',
  },
  scopes: [
    {
      name: 'offline_access',
      description: 'A refresh token, to keep access while the user is away.',
    },
  ],
  docs: {
    registerUrl: 'https://api.jobadder.com/v2/docs#section/Getting-Started',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
  ],
});
