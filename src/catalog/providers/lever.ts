import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'lever',
  displayName: 'Lever (OAuth)',
  categories: ['ats'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://auth.lever.co/authorize',
    token: 'https://auth.lever.co/oauth/token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  authorizationParams: {
    audience: 'https://api.lever.co/v1/',
  },
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://hire.lever.co/developer/oauth',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
