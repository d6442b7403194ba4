import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'linkedin',
  displayName: 'LinkedIn',
  categories: ['social'],
  protocol: 'oidc',
  issuer: 'https://www.linkedin.com/oauth',
  endpoints: {
    authorization: 'https://www.linkedin.com/oauth/v2/authorization',
    token: 'https://www.linkedin.com/oauth/v2/accessToken',
    revocation: 'https://www.linkedin.com/oauth/v2/revoke',
    userinfo: 'https://api.linkedin.com/v2/userinfo',
    jwks: 'https://www.linkedin.com/oauth/openid/jwks',
  },
  clientAuth: 'client_secret_post',
  pkce: false,
  refreshToken: {
    issued: 'unknown',
    rotates: false,
    lifetimeDays: 365,
    notes:
      'Access tokens last 60 days. Refresh tokens (365 days, not extended by use) only for approved Marketing partners.',
  },
  scopes: [
    { name: 'openid', description: 'Sign in.' },
    { name: 'profile', description: 'Name and photo.' },
    { name: 'email', description: 'Primary email address.' },
    { name: 'w_member_social', description: 'Post on the member’s behalf.' },
  ],
  presets: { login: ['openid', 'profile', 'email'] },
  docs: { registerUrl: 'https://www.linkedin.com/developers/apps' },
  uncertain: ['Token responses without `token_type` are treated as bearer.', 'PKCE is for native apps only.'],
  quirks: 'bearer-default',
});
