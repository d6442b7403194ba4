import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'yandex',
  displayName: 'Yandex',
  categories: ['social'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://oauth.yandex.com/authorize',
    token: 'https://oauth.yandex.com/token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  refreshToken: { issued: 'always', rotates: 'unknown', notes: 'Access tokens last about a year.' },
  scopes: [
    { name: 'login:info', description: 'The user’s name and login.' },
    { name: 'login:email', description: 'The user’s email address.' },
    { name: 'login:avatar', description: 'The user’s picture.' },
  ],
  presets: { login: ['login:info', 'login:email'] },
  docs: {
    registerUrl: 'https://yandex.com/dev/id/doc/en/',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh behaviour as the provider documented it at the time of writing; not re-checked here.',
  ],
});
