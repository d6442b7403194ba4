import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'signnow-sandbox',
  displayName: 'SignNow (Sandbox)',
  categories: ['legal'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://app-eval.signnow.com/authorize',
    token: 'https://api-eval.signnow.com/oauth2/token',
  },
  clientAuth: 'client_secret_basic',
  pkce: false,
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://docs.signnow.com/docs/signnow/authentication',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
