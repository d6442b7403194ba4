import { defineProvider } from '../provider.ts';

/** LINE Login v2.1. @see https://developers.line.biz/en/reference/line-login */
export default defineProvider({
  key: 'line',
  displayName: 'LINE',
  categories: ['social', 'communication'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://access.line.me/oauth2/v2.1/authorize',
    token: 'https://api.line.me/oauth2/v2.1/token',
    revocation: 'https://api.line.me/oauth2/v2.1/revoke',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  refreshToken: {
    issued: 'always',
    rotates: 'unknown',
    notes:
      'Access tokens last 30 days; a refresh token stays usable up to 90 days after the access token was issued.',
  },
  scopes: [
    { name: 'profile', description: 'The user’s LINE display name, picture and status message.' },
    { name: 'openid', description: 'An ID token with the user’s id.' },
    { name: 'email', description: 'The user’s email address (needs LINE’s approval for the channel).' },
  ],
  presets: { login: ['profile', 'openid'] },
  docs: { registerUrl: 'https://developers.line.biz/console/' },
  uncertain: [
    'ID tokens are signed per channel (HS256 with the channel secret); the entry uses plain OAuth, not OIDC.',
  ],
  // Needs `openid` for its API; the ID token is not verified here (no JWKS in the entry).
  quirks: 'ignore-id-token',
});
