import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'videoask',
  displayName: 'VideoAsk',
  categories: ['video'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://auth.videoask.com/authorize',
    token: 'https://auth.videoask.com/oauth/token',
  },
  clientAuth: 'client_secret_post',
  pkce: false,
  authorizationParams: {
    audience: 'https://api.videoask.com/',
  },
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
      name: 'profile',
      description: 'The user’s basic profile (name, picture).',
    },
    {
      name: 'email',
      description: 'The user’s email address.',
    },
    {
      name: 'offline_access',
      description: 'A refresh token, to keep access while the user is away.',
    },
  ],
  presets: {
    login: ['openid', 'profile', 'email', 'offline_access'],
  },
  docs: {
    registerUrl: 'https://www.videoask.com/help/api',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
  ],
  // Needs `openid` for its API; the ID token is not verified here (no JWKS in the entry).
  quirks: 'ignore-id-token',
});
