import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'trakt',
  displayName: 'Trakt',
  categories: ['video', 'social'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://trakt.tv/oauth/authorize',
    token: 'https://api.trakt.tv/oauth/token',
    revocation: 'https://api.trakt.tv/oauth/revoke',
  },
  clientAuth: 'client_secret_post',
  pkce: false,
  refreshToken: {
    issued: 'always',
    rotates: true,
    notes: 'Access tokens last 24 hours (since 2025; three months before).',
  },
  docs: {
    registerUrl: 'https://trakt.tv/oauth/applications/new',
    notes: ['Trakt has no scopes: an app gets the access the user grants to the application as a whole.'],
  },
  uncertain: ['Access-token lifetime and PKCE support not confirmed in Trakt’s API docs here.'],
});
