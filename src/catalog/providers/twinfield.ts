import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'twinfield',
  displayName: 'Twinfield',
  categories: ['accounting'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://login.twinfield.com/auth/authentication/connect/authorize',
    token: 'https://login.twinfield.com/auth/authentication/connect/token',
  },
  clientAuth: 'client_secret_post',
  pkce: false,
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
      name: 'twf.user',
      description: 'The signed-in Twinfield user.',
    },
    {
      name: 'twf.organisation',
      description: 'The user’s Twinfield organisation.',
    },
    {
      name: 'twf.organisationUser',
      description: 'The user within the organisation.',
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
    registerUrl:
      'https://accounting.twinfield.com/webservices/documentation/#/ApiReference/Authentication/OpenIdConnect',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
  ],
  // Needs `openid` for its API; the ID token is not verified here (no JWKS in the entry).
  quirks: 'ignore-id-token',
});
