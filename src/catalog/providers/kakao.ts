import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'kakao',
  displayName: 'Kakao',
  categories: ['social'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://kauth.kakao.com/oauth/authorize',
    token: 'https://kauth.kakao.com/oauth/token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  scopeSeparator: ',',
  refreshToken: {
    issued: 'always',
    rotates: 'unknown',
    lifetimeDays: 60,
    notes:
      'Access tokens last about 6 hours, refresh tokens about 2 months (`refresh_token_expires_in`); a new refresh token comes back only when less than a month is left.',
  },
  scopes: [
    { name: 'profile_nickname', description: 'The user’s Kakao nickname.' },
    { name: 'profile_image', description: 'The user’s profile picture.' },
    { name: 'account_email', description: 'The user’s email address.' },
    { name: 'talk_message', description: 'Send KakaoTalk messages to the user.' },
  ],
  presets: { login: ['profile_nickname', 'account_email'] },
  docs: { registerUrl: 'https://developers.kakao.com/console/app' },
  uncertain: [
    'The client secret is optional in Kakao apps (a setting); PKCE support is assumed from Kakao’s SDKs.',
  ],
});
