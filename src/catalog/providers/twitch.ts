import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'twitch',
  displayName: 'Twitch',
  categories: ['video', 'social'],
  protocol: 'oidc',
  issuer: 'https://id.twitch.tv/oauth2',
  endpoints: {
    authorization: 'https://id.twitch.tv/oauth2/authorize',
    token: 'https://id.twitch.tv/oauth2/token',
    revocation: 'https://id.twitch.tv/oauth2/revoke',
    userinfo: 'https://id.twitch.tv/oauth2/userinfo',
    jwks: 'https://id.twitch.tv/oauth2/keys',
  },
  clientAuth: 'client_secret_post',
  pkce: false,
  refreshToken: {
    issued: 'always',
    rotates: 'unknown',
    notes: 'Access tokens last about four hours; refresh tokens of confidential clients do not expire.',
  },
  scopes: [
    { name: 'openid', description: 'Sign in.' },
    { name: 'user:read:email', description: 'Email address.' },
    { name: 'chat:read', description: 'Read chat messages.' },
  ],
  presets: { login: ['openid', 'user:read:email'] },
  docs: { registerUrl: 'https://dev.twitch.tv/console/apps' },
  // The granted scope comes back as a JSON array.
  quirks: 'scope-array',
});
