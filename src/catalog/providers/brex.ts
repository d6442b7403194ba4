import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'brex',
  displayName: 'Brex (OAuth)',
  categories: ['banking'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://accounts-api.brex.com/oauth2/default/v1/authorize',
    token: 'https://accounts-api.brex.com/oauth2/default/v1/token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  refreshToken: {
    issued: 'with_scope',
    rotates: 'unknown',
  },
  scopes: [
    {
      name: 'openid',
      description: 'Sign in (OpenID Connect).',
    },
    {
      name: 'offline_access',
      description: 'A refresh token, to keep access while the user is away.',
    },
  ],
  presets: {
    login: ['openid', 'offline_access'],
  },
  docs: {
    registerUrl: 'https://developer.brex.com/docs/partner_authentication/',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
  ],
  // Needs `openid` for its API; the ID token is not verified here (no JWKS in the entry).
  quirks: 'ignore-id-token',
});
