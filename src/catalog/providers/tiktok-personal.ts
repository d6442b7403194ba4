import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'tiktok-personal',
  displayName: 'TikTok Personal',
  categories: ['social'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://www.tiktok.com/v2/auth/authorize/',
    token: 'https://open.tiktokapis.com/v2/oauth/token/',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  scopeSeparator: ',',
  refreshToken: {
    issued: 'always',
    rotates: true,
    // Each refresh answer says how long the (new) refresh token lives, in seconds.
    expiresInFields: ['refresh_expires_in'],
    notes: 'Access tokens last 24 hours; a refresh returns a new refresh token, which lasts 365 days.',
  },
  quirks: 'tiktok',
  scopes: [
    { name: 'user.info.basic', description: 'The person’s open id, avatar and display name.' },
    { name: 'user.info.profile', description: 'Profile details: bio, profile link, verification.' },
    { name: 'user.info.stats', description: 'Counts: followers, following, likes, videos.' },
    { name: 'video.list', description: 'The person’s public videos.' },
    { name: 'video.upload', description: 'Upload videos as drafts to the person’s account.' },
    { name: 'video.publish', description: 'Post videos directly to the person’s profile.' },
  ],
  presets: { login: ['user.info.basic'] },
  docs: {
    registerUrl: 'https://developers.tiktok.com/doc/oauth-user-access-token-management',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'TikTok’s pages give the access-token lifetime as 24 hours in one place and 2 hours in another; the expiry in each answer (`expires_in`) is what counts.',
  ],
});
