import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'epic-games',
  displayName: 'Epic Games',
  categories: ['gaming'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://www.epicgames.com/id/authorize',
    token: 'https://api.epicgames.dev/epic/oauth/v1/token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  refreshToken: { issued: 'always', rotates: true },
  scopes: [
    { name: 'basic_profile', description: 'The user’s account id and display name.' },
    { name: 'friends_list', description: 'The user’s friends.' },
    { name: 'presence', description: 'The user’s presence.' },
  ],
  presets: { login: ['basic_profile'] },
  docs: {
    registerUrl: 'https://dev.epicgames.com/docs/web-api-ref/authentication',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh behaviour as the provider documented it at the time of writing; not re-checked here.',
  ],
});
