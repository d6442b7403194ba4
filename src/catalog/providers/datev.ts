import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'datev',
  displayName: 'Datev',
  categories: ['legal'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://login.datev.de/openid/authorize',
    token: 'https://api.datev.de/token',
  },
  clientAuth: 'client_secret_basic',
  pkce: true,
  authorizationParams: {
    response_mode: 'query',
  },
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  scopes: [
    {
      name: 'openid',
      description: 'Sign in (OpenID Connect).',
    },
  ],
  presets: {
    login: ['openid'],
  },
  docs: {
    registerUrl: 'https://developer.datev.de/en/guides/authentication',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
  // Needs `openid` for its API; the ID token is not verified here (no JWKS in the entry).
  quirks: 'ignore-id-token',
});
