import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'aircall',
  displayName: 'Aircall (OAuth)',
  categories: ['support'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://dashboard.aircall.io/oauth/authorize',
    token: 'https://api.aircall.io/v1/oauth/token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  scopes: [{ name: 'public_api', description: 'The Aircall Public API on behalf of the company.' }],
  docs: {
    registerUrl: 'https://developer.aircall.io/tutorials/how-aircall-oauth-flow-works/',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
