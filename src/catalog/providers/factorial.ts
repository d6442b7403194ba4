import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'factorial',
  displayName: 'Factorial (OAuth)',
  categories: ['hr'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://api.factorialhr.com/oauth/authorize',
    token: 'https://api.factorialhr.com/oauth/token',
  },
  clientAuth: 'client_secret_post',
  pkce: false,
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://apidoc.factorialhr.com/docs/authentication-1',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
