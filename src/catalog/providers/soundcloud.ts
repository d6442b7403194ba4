import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'soundcloud',
  displayName: 'SoundCloud',
  categories: ['social', 'other'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://secure.soundcloud.com/authorize',
    token: 'https://secure.soundcloud.com/oauth/token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  refreshToken: {
    issued: 'always',
    rotates: true,
    notes: 'Access tokens last about an hour; PKCE is required.',
  },
  docs: { registerUrl: 'https://soundcloud.com/you/apps' },
  uncertain: [
    'Client authentication (post vs Basic) and rotation are from SoundCloud’s 2024 auth guide as remembered, not re-checked.',
  ],
});
