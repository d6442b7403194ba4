import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'calendly',
  displayName: 'Calendly',
  categories: ['productivity'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://auth.calendly.com/oauth/authorize',
    token: 'https://auth.calendly.com/oauth/token',
    revocation: 'https://auth.calendly.com/oauth/revoke',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  refreshToken: {
    issued: 'always',
    rotates: true,
    notes: 'Access tokens last 2 hours; each refresh token is single use and does not expire until used.',
  },
  docs: {
    registerUrl: 'https://developer.calendly.com/create-a-developer-account',
  },
});
