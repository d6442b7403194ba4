import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'anilist',
  displayName: 'AniList',
  categories: ['social', 'video'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://anilist.co/api/v2/oauth/authorize',
    token: 'https://anilist.co/api/v2/oauth/token',
  },
  clientAuth: 'client_secret_post',
  pkce: false,
  refreshToken: {
    issued: 'never',
    rotates: false,
    notes: 'Access tokens last one year; there are no refresh tokens.',
  },
  docs: {
    registerUrl: 'https://anilist.co/settings/developer',
    notes: ['AniList has no scopes: a token acts as the user.'],
  },
});
