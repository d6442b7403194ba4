import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'naver',
  displayName: 'Naver',
  categories: ['social'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://nid.naver.com/oauth2.0/authorize',
    token: 'https://nid.naver.com/oauth2.0/token',
  },
  clientAuth: 'client_secret_post',
  pkce: false,
  refreshToken: { issued: 'always', rotates: false, notes: 'Access tokens last one hour.' },
  docs: {
    registerUrl: 'https://developers.naver.com/apps/#/register',
    notes: [
      'Scopes are not requested in the URL: the profile fields are chosen on the application in Naver Developers.',
    ],
  },
  uncertain: ['Naver documents GET requests to the token endpoint; the standard POST is used here.'],
});
