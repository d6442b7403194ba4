import { defineProvider } from '../provider.ts';

/** @see https://create.roblox.com/docs/cloud/reference/oauth2 */
export default defineProvider({
  key: 'roblox',
  displayName: 'Roblox',
  categories: ['gaming'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://apis.roblox.com/oauth/v1/authorize',
    token: 'https://apis.roblox.com/oauth/v1/token',
    revocation: 'https://apis.roblox.com/oauth/v1/token/revoke',
    userinfo: 'https://apis.roblox.com/oauth/v1/userinfo',
  },
  clientAuth: 'client_secret_basic',
  pkce: true,
  refreshToken: {
    issued: 'always',
    rotates: true,
    lifetimeDays: 90,
    notes: 'Access tokens last 15 minutes; refresh tokens 90 days and a new one comes with every refresh.',
  },
  scopes: [
    { name: 'openid', description: 'The user’s Roblox id (an ID token).' },
    { name: 'profile', description: 'The user’s Roblox name, display name and avatar.' },
    {
      name: 'universe-messaging-service:publish',
      description: 'Publish messages to the user’s experiences.',
    },
    { name: 'asset:read', description: 'Read the user’s assets.' },
  ],
  presets: { login: ['openid', 'profile'] },
  docs: { registerUrl: 'https://create.roblox.com/dashboard/credentials?activeTab=OAuthTab' },
  uncertain: ['The 90-day refresh-token lifetime is from Roblox’s guide, not the endpoint reference.'],
  // Needs `openid` for its API; the ID token is not verified here (no JWKS in the entry).
  quirks: 'ignore-id-token',
});
