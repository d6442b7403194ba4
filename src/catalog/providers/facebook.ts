import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'facebook',
  displayName: 'Facebook (Meta)',
  categories: ['social', 'marketing'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://www.facebook.com/v21.0/dialog/oauth',
    token: 'https://graph.facebook.com/v21.0/oauth/access_token',
  },
  clientAuth: 'client_secret_post',
  pkce: false,
  scopeSeparator: ',',
  refreshToken: {
    issued: 'never',
    rotates: false,
    notes:
      'No refresh tokens: a short-lived user token is exchanged for a long-lived one (about 60 days) with fb_exchange_token.',
  },
  scopes: [
    { name: 'public_profile', description: 'Name and profile picture.' },
    { name: 'email', description: 'The user’s email address.' },
  ],
  presets: { login: ['public_profile', 'email'] },
  docs: { registerUrl: 'https://developers.facebook.com/apps/' },
  uncertain: ['The Graph API version in the URLs (v21.0) moves; older versions keep working for two years.'],
});
